import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import {
  createTemplateAction,
  SerializedFile,
  serializeDirectoryContents,
} from '@backstage/plugin-scaffolder-node';
import { GitHubClientFactory } from '@domain-delivery/backstage-plugin-delivery-node';
import {
  describePublicationCommit,
  placeInRepository,
} from '../gitops/publicationCommit';
import { GitOpsPublication } from '../gitops/gitopsPublication';
import { publishToGitHub } from '../gitops/publishToGitHub';
import { publishToLocalRepository } from '../gitops/publishToLocalRepository';
import { examples } from './gitopsPublish.examples';

/**
 * Creates the `delivery:gitops:publish` action: commits the workspace's
 * GitOps folder to the GitOps repository, to a local git repository (the
 * demo) or as a pull request on GitHub; a retried task writes once.
 *
 * @public
 */
export function createGitOpsPublishAction(options: {
  config: Config;
  integrations: ScmIntegrationRegistry;
  /** The backend's one, so that its throttling holds for the process. */
  githubClients: GitHubClientFactory;
}) {
  const { config, integrations, githubClients } = options;

  return createTemplateAction({
    id: 'delivery:gitops:publish',
    description:
      "Commits the workspace's GitOps folder to the GitOps repository: into a local git repository (target local, the demo) or as a pull request on GitHub (target github), optionally merged right away. Files the repository already holds with other content are kept and listed in keptFiles unless overwrite is set. The commit message names the service and the change; a retried task or an unchanged repository makes no second commit.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        target: z =>
          z
            .enum(['local', 'github'])
            .describe('Where the GitOps repository is'),
        service: z =>
          z
            .string()
            .min(1)
            .describe('The service (or services) the change is for'),
        change: z =>
          z
            .string()
            .min(1)
            .describe(
              "What the change does, e.g. 'add the Helm chart and Argo CD applications'",
            ),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe('The folder of the workspace to publish; default gitops'),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              'The folder of the GitOps repository it goes to; default its root',
            ),
        commitMessage: z =>
          z
            .string()
            .optional()
            .describe(
              'The first line of the commit message; default <service>: <change>',
            ),
        repositoryPath: z =>
          z
            .string()
            .optional()
            .describe(
              'target local: the repository folder; default delivery.gitops.local.path (one of them is required)',
            ),
        repoUrl: z =>
          z
            .string()
            .optional()
            .describe(
              'target github: the repository, github.com?owner=<owner>&repo=<repo>; default delivery.gitops.github.repoUrl',
            ),
        baseBranch: z =>
          z
            .string()
            .optional()
            .describe(
              "target github: the pull request's base; default the repository's default branch",
            ),
        branchName: z =>
          z
            .string()
            .optional()
            .describe(
              'target github: the branch; default delivery/<service>-<digest of the change>',
            ),
        autoMerge: z =>
          z
            .boolean()
            .optional()
            .describe(
              'target github: merge the pull request right away; default false',
            ),
        overwrite: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Replace files the repository already holds with other content; default false: they are kept as they are and listed in keptFiles',
            ),
        token: z =>
          z
            .string()
            .optional()
            .describe(
              'target github: a user token instead of the integration credentials',
            ),
      },
      output: {
        commitHash: z =>
          z.string().optional().describe('The commit holding the change'),
        changed: z => z.boolean().describe('Whether the change made a commit'),
        keptFiles: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'Files the repository already held with other content, left as they were (overwrite false); not known in a dry run on GitHub',
            ),
        repositoryPath: z =>
          z.string().optional().describe('target local: the repository folder'),
        branchName: z =>
          z.string().optional().describe('target github: the branch'),
        pullRequestUrl: z =>
          z.string().optional().describe('target github: the pull request'),
        pullRequestNumber: z =>
          z.number().optional().describe('target github: its number'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const source = resolveSafeChildPath(
        ctx.workspacePath,
        input.sourcePath ?? 'gitops',
      );
      const files = await serializeDirectoryContents(source).catch(() => []);
      if (!files.length) {
        throw new InputError(
          `Nothing to publish: ${
            input.sourcePath ?? 'gitops'
          } is empty or missing in the workspace`,
        );
      }
      const publication: GitOpsPublication = {
        ctx,
        files: placeInRepository(files, input.targetPath ?? ''),
        describe: (written: SerializedFile[]) =>
          describePublicationCommit({
            files: written,
            service: input.service,
            change: input.change,
            commitMessage: input.commitMessage,
            requestedBy: ctx.user?.ref,
          }),
      };
      if (input.target === 'local') {
        await publishToLocalRepository(publication, config);
      } else {
        await publishToGitHub(publication, {
          config,
          integrations,
          clients: githubClients,
        });
      }
    },
  });
}
