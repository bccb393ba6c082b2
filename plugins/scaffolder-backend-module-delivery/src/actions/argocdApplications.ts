import {
  defaultArgoCdApplicationName,
  defaultGitOpsPath,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { configuredEnvironments, selectEnvironments } from '../environments';
import { domainName } from '../names';
import { applicationName } from '../render/argocd/renderApplications';
import { renderArgoCdFiles } from '../render/argocd/renderArgoCdFiles';
import { examples } from './argocdApplications.examples';
import {
  environmentsInput,
  gitopsPathInputs,
  onlyEnvironmentsInput,
  serviceInputs,
} from './deliveryInputs';
import { writeGeneratedFiles } from './writeGeneratedFiles';

/**
 * Creates the `delivery:argocd:applications` action: writes a domain service's
 * Argo CD Applications per environment, the domain's AppProject and its app of
 * apps into the GitOps change.
 *
 * @public
 */
export function createArgoCdApplicationsAction(options: { config: Config }) {
  const { config } = options;
  return createTemplateAction({
    id: 'delivery:argocd:applications',
    description:
      "Writes a domain service's Argo CD Application per environment (automated sync with self-heal outside production, manual sync in production, image updater in the first environment), the domain's AppProject restricting sources and destinations, and the domain's app of apps.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...serviceInputs,
        owner: z =>
          z
            .string()
            .optional()
            .describe("The domain's owner, as an entity ref"),
        image: z =>
          z
            .string()
            .optional()
            .describe(
              'The image repository the image updater follows in the first environment; without it, no image updater',
            ),
        ...environmentsInput,
        ...onlyEnvironmentsInput(
          'Write the applications of these environments only, e.g. when adding an environment',
        ),
        domainResources: z =>
          z
            .boolean()
            .optional()
            .describe(
              "Also write the domain's AppProject and app of apps; default true",
            ),
        ...gitopsPathInputs,
        repoUrl: z =>
          z
            .string()
            .optional()
            .describe(
              'The GitOps repository URL Argo CD reads; default delivery.gitops.repoUrl',
            ),
        targetRevision: z =>
          z
            .string()
            .optional()
            .describe('The branch Argo CD follows; default main'),
        argocdNamespace: z =>
          z.string().optional().describe("Argo CD's namespace; default argocd"),
        destinationServer: z =>
          z
            .string()
            .optional()
            .describe(
              'The cluster the service runs in; default https://kubernetes.default.svc',
            ),
        applicationName: z =>
          z
            .string()
            .regex(/^[a-z0-9{}-]+$/)
            .optional()
            .describe(
              'Application names with an {environment} placeholder; default <service>-{environment}',
            ),
      },
      output: {
        applications: z =>
          z.array(z.string()).describe('The Application names written'),
        argocdApp: z =>
          z
            .string()
            .describe(
              'The application name template, for the catalog annotation',
            ),
        files: z =>
          z
            .array(z.string())
            .describe('The files written, relative to the workspace'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const repoUrl =
        input.repoUrl ?? config.getOptionalString('delivery.gitops.repoUrl');
      if (!repoUrl) {
        throw new InputError(
          'No repoUrl given and no delivery.gitops.repoUrl configured',
        );
      }
      const domain = domainName(input.domain);
      const environments = selectEnvironments(
        configuredEnvironments(config),
        input.environments,
      );
      const write = input.onlyEnvironments
        ? selectEnvironments(environments, input.onlyEnvironments)
        : environments;
      const spec = {
        service: input.service,
        domain,
        owner: input.owner,
        image: input.image,
        chartPath: input.gitopsPath ?? defaultGitOpsPath(domain, input.service),
        applicationName:
          input.applicationName ?? defaultArgoCdApplicationName(input.service),
        repoUrl,
        targetRevision: input.targetRevision ?? 'main',
        namespace: input.argocdNamespace ?? 'argocd',
        destinationServer:
          input.destinationServer ?? 'https://kubernetes.default.svc',
      };

      const files = renderArgoCdFiles(spec, {
        environments,
        write,
        domainResources: input.domainResources ?? true,
      });
      const paths = await writeGeneratedFiles(
        ctx.workspacePath,
        input.targetPath ?? 'gitops',
        files,
      );
      const applications = write.map(environment =>
        applicationName(spec, environment.name),
      );
      ctx.logger.info(
        `Wrote the Argo CD applications ${applications.join(', ')}`,
      );
      ctx.output('applications', applications);
      ctx.output('argocdApp', spec.applicationName);
      ctx.output('files', paths);
    },
  });
}
