import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'fs-extra';
import { configuredEnvironments, selectEnvironments } from '../environments';
import { DEFAULT_INGRESS_DOMAIN, domainName, ingressHost } from '../names';
import { SERVICE_LANGUAGES } from '../render/workflow/languages';
import { renderWorkflow } from '../render/workflow/renderWorkflow';
import { yamlText } from '../render/yamlDocument';
import {
  environmentsInput,
  imageInput,
  ingressDomainInput,
  serviceInputs,
} from './deliveryInputs';
import { examples } from './workflowCreate.examples';

/**
 * Creates the `delivery:workflow:create` action: writes the GitHub Actions
 * workflow that checks, builds, scans and delivers a domain service.
 *
 * @public
 */
export function createWorkflowCreateAction(options: { config: Config }) {
  const { config } = options;
  return createTemplateAction({
    id: 'delivery:workflow:create',
    description:
      "Writes a domain service's GitHub Actions workflow: change detection, lint, unit, integration and contract tests, chaos and blue-green tests, the domain-boundary check, an image built with cache and scanned, deployment to the first environment, promotions through the portal and a production promotion request awaiting approval; every deployment is reported to the portal's event API.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...serviceInputs,
        entityRef: z =>
          z
            .string()
            .optional()
            .describe(
              'The catalog entity deployments are reported for; default component:default/<service>',
            ),
        language: z =>
          z
            .enum(SERVICE_LANGUAGES)
            .optional()
            .describe('The language of the service; default typescript'),
        ...environmentsInput,
        targetPath: z =>
          z
            .string()
            .optional()
            .describe("The repository's root in the workspace; default ."),
        servicePath: z =>
          z
            .string()
            .regex(/^(\.|[\w.-]+(\/[\w.-]+)*)$/)
            .optional()
            .describe("The service's folder in its repository; default ."),
        mainBranch: z =>
          z
            .string()
            .optional()
            .describe('The branch that delivers; default main'),
        ...imageInput(
          'The image repository; default ghcr.io/<repository owner>/<service>',
        ),
        ...ingressDomainInput,
        deliveryApiUrl: z =>
          z
            .string()
            .url()
            .optional()
            .describe(
              "The portal's delivery API; default <backend.baseUrl>/api/delivery",
            ),
      },
      output: {
        workflowPath: z =>
          z.string().describe('The workflow file, relative to the workspace'),
        environments: z =>
          z.array(z.string()).describe('The environments it delivers to'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const targetPath = input.targetPath ?? '.';
      const ingressDomain = input.ingressDomain ?? DEFAULT_INGRESS_DOMAIN;
      const environments = selectEnvironments(
        configuredEnvironments(config),
        input.environments,
      );
      const backendBaseUrl = config.getOptionalString('backend.baseUrl');
      const deliveryApiUrl =
        input.deliveryApiUrl ??
        (backendBaseUrl &&
          `${backendBaseUrl.replace(/\/+$/, '')}/api/delivery`);
      if (!deliveryApiUrl) {
        throw new InputError(
          'No deliveryApiUrl given and no backend.baseUrl configured',
        );
      }
      const workflowPath = `.github/workflows/${input.service}.yaml`;
      const document = renderWorkflow({
        service: input.service,
        domain: domainName(input.domain),
        entityRef: input.entityRef ?? `component:default/${input.service}`,
        language: input.language ?? 'typescript',
        servicePath: input.servicePath ?? '.',
        workflowPath,
        mainBranch: input.mainBranch ?? 'main',
        environments,
        image: input.image,
        deliveryApiUrl: deliveryApiUrl.replace(/\/+$/, ''),
        environmentUrls: Object.fromEntries(
          environments.map(environment => [
            environment.name,
            `https://${ingressHost(input.service, environment, ingressDomain)}`,
          ]),
        ),
      });

      const repositoryRoot = resolveSafeChildPath(
        ctx.workspacePath,
        targetPath,
      );
      await fs.outputFile(
        resolveSafeChildPath(repositoryRoot, workflowPath),
        yamlText(document),
      );
      ctx.logger.info(
        `Wrote ${workflowPath} delivering to ${environments
          .map(environment => environment.name)
          .join(', ')}`,
      );
      ctx.output(
        'workflowPath',
        targetPath === '.'
          ? workflowPath
          : `${targetPath.replace(/\/+$/, '')}/${workflowPath}`,
      );
      ctx.output(
        'environments',
        environments.map(environment => environment.name),
      );
    },
  });
}
