import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import {
  GitHubClientFactory,
  GitHubGitOpsRepository,
  readScaffolderCommitAuthor,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { changeBranchName, PublicationCommit } from './publicationCommit';
import { compareWithRepository } from './existingFiles';
import { GitOpsPublication, selectFilesToWrite } from './gitopsPublication';

/**
 * Proposes the publication as a pull request on the GitOps repository on
 * GitHub, optionally merged right away, each write (the commit, the pull
 * request, the merge) in a checkpoint so a retried task makes it once; its
 * branch is named after the change, so a task that died before a checkpoint
 * finds its branch and pull request again.
 */
export async function publishToGitHub(
  publication: GitOpsPublication,
  options: {
    config: Config;
    integrations: ScmIntegrationRegistry;
    clients: GitHubClientFactory;
  },
): Promise<void> {
  const { ctx, files } = publication;
  const { config, integrations } = options;
  const { input } = ctx;
  const repoUrl =
    input.repoUrl ?? config.getOptionalString('delivery.gitops.github.repoUrl');
  if (!repoUrl) {
    throw new InputError(
      'No repoUrl given and no delivery.gitops.github.repoUrl configured',
    );
  }
  const { host, owner, repo } = parseRepoUrl(repoUrl, integrations);
  if (!owner || !integrations.github.byHost(host)) {
    throw new InputError(`${repoUrl} is not a GitHub repository`);
  }
  const branchOf = (change: PublicationCommit) =>
    input.branchName ?? changeBranchName(input.service, change.digest);
  if (ctx.isDryRun) {
    // No GitHub call in a dry run, so which files it already holds is not known.
    const branch = branchOf(publication.describe(files));
    ctx.output('branchName', branch);
    ctx.logger.info(
      `Dry run: would open a pull request of up to ${files.length} files on ${owner}/${repo} from ${branch}`,
    );
    ctx.output('changed', false);
    return;
  }

  const octokit = await options.clients.forRepository(
    { host, owner, repo },
    { token: input.token },
  );
  const baseBranch =
    input.baseBranch ??
    (await octokit.repos.get({ owner, repo })).data.default_branch;
  const repository = new GitHubGitOpsRepository({
    octokit,
    owner,
    repo,
    baseBranch,
    commits: 'single-commit',
    mergeMethod: 'squash',
    author: readScaffolderCommitAuthor(config),
  });

  const written = await selectFilesToWrite(
    publication,
    compareWithRepository(repository),
  );
  if (!written.length) {
    ctx.logger.info(
      `${baseBranch} of ${owner}/${repo} keeps all its files; no pull request`,
    );
    ctx.output('changed', false);
    return;
  }
  const change = publication.describe(written);
  const branch = branchOf(change);
  ctx.output('branchName', branch);
  const proposed = { files: change.files, message: change.message, branch };
  // One checkpoint per write, so a retry after a failed merge neither
  // commits nor opens the pull request again.
  const key = `gitops.github.${owner}.${repo}.${branch}`;
  const commit = await ctx.checkpoint({
    key: `${key}.commit`,
    fn: async () => {
      const { sha, branchExisted } = await repository.commitChange(proposed);
      return { sha: sha ?? null, branchExisted };
    },
  });
  if (!commit.sha) {
    ctx.logger.info(
      `${owner}/${repo} already holds this change; no pull request`,
    );
    ctx.output('changed', false);
    return;
  }
  const pullRequest = await ctx.checkpoint({
    key: `${key}.pull-request`,
    fn: () => repository.openPullRequest(proposed, commit),
  });
  ctx.logger.info(`Opened ${pullRequest.url}`);
  let commitHash = commit.sha;
  if (input.autoMerge) {
    const merge = await ctx.checkpoint({
      key: `${key}.merge`,
      fn: async () => ({
        sha: (await repository.mergePullRequest(proposed, pullRequest)).sha,
      }),
    });
    ctx.logger.info(`Merged ${pullRequest.url}`);
    commitHash = merge.sha;
  }
  ctx.output('commitHash', commitHash);
  ctx.output('changed', true);
  ctx.output('pullRequestUrl', pullRequest.url);
  ctx.output('pullRequestNumber', pullRequest.number);
}
