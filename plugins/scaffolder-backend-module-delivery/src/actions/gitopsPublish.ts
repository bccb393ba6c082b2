import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import {
  ActionContext,
  createTemplateAction,
  parseRepoUrl,
  serializeDirectoryContents,
} from '@backstage/plugin-scaffolder-node';
import path from 'node:path';
import {
  GitOpsChange,
  changeBranchName,
  describeGitOpsChange,
} from '../gitops/gitopsChange';
import { commitToBranch, openPullRequest } from '../gitops/githubPullRequest';
import { commitToLocalRepository } from '../gitops/localGitRepository';
import { commitAuthor } from '../gitops/commitAuthor';
import { createGitHubClient } from '../gitops/githubClient';
import { examples } from './gitopsPublish.examples';

/** The demo's local GitOps repository, relative to the backend's working directory. */
const DEFAULT_LOCAL_GITOPS_PATH = '.delivery-demo/gitops';

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
  githubCredentialsProvider?: GithubCredentialsProvider;
}) {
  const { config, integrations } = options;
  const githubCredentialsProvider =
    options.githubCredentialsProvider ??
    DefaultGithubCredentialsProvider.fromIntegrations(integrations);

  return createTemplateAction({
    id: 'delivery:gitops:publish',
    description:
      "Commits the workspace's GitOps folder to the GitOps repository: into a local git repository (target local, the demo) or as a pull request on GitHub (target github), optionally merged right away. The commit message names the service and the change; a retried task or an unchanged repository makes no second commit.",
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
              'target local: the repository folder; default delivery.gitops.local.path, else .delivery-demo/gitops',
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
      const change = describeGitOpsChange({
        files,
        targetPath: input.targetPath ?? '',
        service: input.service,
        change: input.change,
        commitMessage: input.commitMessage,
        requestedBy: ctx.user?.ref,
      });

      if (input.target === 'local') {
        await publishLocally(ctx, change, input.repositoryPath);
      } else {
        await publishToGitHub(ctx, change);
      }
    },
  });

  async function publishLocally(
    ctx: ActionContext<any, any>,
    change: GitOpsChange,
    repositoryPath: string | undefined,
  ) {
    // The same repository, by default, as the delivery backend's gitops-local executor.
    const dir = path.resolve(
      repositoryPath ??
        config.getOptionalString('delivery.gitops.local.path') ??
        DEFAULT_LOCAL_GITOPS_PATH,
    );
    ctx.output('repositoryPath', dir);
    if (ctx.isDryRun) {
      ctx.logger.info(
        `Dry run: would commit ${change.files.length} files to ${dir}`,
      );
      ctx.output('changed', false);
      return;
    }
    const commit = await ctx.checkpoint({
      key: `gitops.local.commit.${change.digest}`,
      fn: async () => ({
        ...(await commitToLocalRepository({
          dir,
          files: change.files,
          message: change.message,
          author: commitAuthor(config),
          defaultBranch: 'main',
        })),
      }),
    });
    ctx.logger.info(
      commit.changed
        ? `Committed ${commit.commitHash} to ${dir}`
        : `${dir} already holds this change at ${commit.commitHash}; no new commit`,
    );
    ctx.output('commitHash', commit.commitHash);
    ctx.output('changed', commit.changed);
  }

  async function publishToGitHub(
    ctx: ActionContext<any, any>,
    change: GitOpsChange,
  ) {
    const { input } = ctx;
    const repoUrl =
      input.repoUrl ??
      config.getOptionalString('delivery.gitops.github.repoUrl');
    if (!repoUrl) {
      throw new InputError(
        'No repoUrl given and no delivery.gitops.github.repoUrl configured',
      );
    }
    const { host, owner, repo } = parseRepoUrl(repoUrl, integrations);
    const integration = integrations.github.byHost(host);
    if (!owner || !integration) {
      throw new InputError(`${repoUrl} is not a GitHub repository`);
    }
    const branch =
      input.branchName ?? changeBranchName(input.service, change.digest);
    ctx.output('branchName', branch);
    if (ctx.isDryRun) {
      ctx.logger.info(
        `Dry run: would open a pull request of ${change.files.length} files on ${owner}/${repo} from ${branch}`,
      );
      ctx.output('changed', false);
      return;
    }

    const octokit = await createGitHubClient({
      integration,
      credentialsProvider: githubCredentialsProvider,
      repository: { owner, repo },
      token: input.token,
    });
    const repository = { owner, repo };
    const baseBranch =
      input.baseBranch ??
      (await octokit.repos.get(repository)).data.default_branch;

    const commitHash = await commitToBranch({
      octokit,
      repository,
      baseBranch,
      branch,
      files: change.files,
      message: change.message,
      author: commitAuthor(config),
      checkpoint: ctx.checkpoint,
    });
    if (!commitHash) {
      ctx.logger.info(
        `${owner}/${repo} already holds this change; no pull request`,
      );
      ctx.output('changed', false);
      return;
    }
    const [title, , ...body] = change.message.split('\n');
    const pullRequest = await openPullRequest({
      octokit,
      repository,
      baseBranch,
      branch,
      title,
      body: body.join('\n'),
      autoMerge: input.autoMerge ?? false,
      checkpoint: ctx.checkpoint,
    });
    ctx.logger.info(`Opened ${pullRequest.url}`);
    ctx.output('commitHash', pullRequest.mergeCommitHash ?? commitHash);
    ctx.output('changed', true);
    ctx.output('pullRequestUrl', pullRequest.url);
    ctx.output('pullRequestNumber', pullRequest.number);
  }
}
