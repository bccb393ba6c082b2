import { defaultGitOpsPath } from '@domain-delivery/backstage-plugin-delivery-common';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { configuredEnvironments, selectEnvironments } from '../environments';
import { DEFAULT_INGRESS_DOMAIN, domainName } from '../names';
import { readChartTemplates } from '../assets/chartAssets';
import { renderHelmFiles } from '../render/helm/renderHelmFiles';
import {
  environmentsInput,
  gitopsPathInputs,
  imageInput,
  ingressDomainInput,
  onlyEnvironmentsInput,
  serviceInputs,
} from './deliveryInputs';
import { examples } from './helmValues.examples';
import { writeGeneratedFiles } from './writeGeneratedFiles';

/**
 * Creates the `delivery:helm:values` action: writes a domain service's Helm
 * chart and its values per environment into the GitOps change.
 *
 * @public
 */
export function createHelmValuesAction(options: { config: Config }) {
  const { config } = options;
  return createTemplateAction({
    id: 'delivery:helm:values',
    description:
      "Writes a domain service's Helm chart (Deployment with probes, Service, HorizontalPodAutoscaler, Ingress with a cert-manager TLS certificate, ExternalSecret, PodDisruptionBudget) and its values per environment, production stricter than the others, into the workspace's GitOps folder.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...serviceInputs,
        ...imageInput(
          'The image repository, without tag; needed when the chart is written',
        ),
        owner: z =>
          z.string().optional().describe('The owner, as an entity ref'),
        description: z =>
          z.string().optional().describe("The chart's description"),
        ...environmentsInput,
        ...onlyEnvironmentsInput(
          'Write the values of these environments only, e.g. when adding an environment to an existing service',
        ),
        chart: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Write the chart itself (Chart.yaml, templates, values.yaml); default true, false for a service that has one',
            ),
        ...gitopsPathInputs,
        ...ingressDomainInput,
        ingressClassName: z =>
          z.string().optional().describe('The ingress class; default nginx'),
        secretStore: z =>
          z
            .object({
              kind: z.enum(['SecretStore', 'ClusterSecretStore']),
              name: z.string().min(1),
            })
            .optional()
            .describe(
              "The External Secrets store holding the service's secrets; default ClusterSecretStore vault",
            ),
      },
      output: {
        gitopsPath: z =>
          z.string().describe("The chart's folder in the GitOps repository"),
        files: z =>
          z
            .array(z.string())
            .describe('The files written, relative to the workspace'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const domain = domainName(input.domain);
      const configured = configuredEnvironments(config);
      const environments = selectEnvironments(configured, input.environments);
      const written = input.onlyEnvironments
        ? selectEnvironments(environments, input.onlyEnvironments)
        : environments;
      const gitopsPath =
        input.gitopsPath ?? defaultGitOpsPath(domain, input.service);
      const chart = input.chart ?? true;
      if (chart && !input.image) {
        throw new InputError(
          'The chart needs the image repository: pass image',
        );
      }

      const files = renderHelmFiles(
        {
          service: input.service,
          domain,
          description: input.description || undefined,
          owner: input.owner,
          image: input.image ?? '',
          environments,
          ingressDomain: input.ingressDomain ?? DEFAULT_INGRESS_DOMAIN,
          ingressClassName: input.ingressClassName ?? 'nginx',
          secretStore: input.secretStore ?? {
            kind: 'ClusterSecretStore',
            name: 'vault',
          },
        },
        {
          ...(chart && { chart: { templates: await readChartTemplates() } }),
          environments: written,
        },
      ).map(file => ({ ...file, path: `${gitopsPath}/${file.path}` }));

      const paths = await writeGeneratedFiles(
        ctx.workspacePath,
        input.targetPath ?? 'gitops',
        files,
      );
      ctx.logger.info(
        `Wrote the Helm ${chart ? 'chart and values' : 'values'} of ${
          input.service
        } for ${written.map(environment => environment.name).join(', ')}`,
      );
      ctx.output('gitopsPath', gitopsPath);
      ctx.output('files', paths);
    },
  });
}
