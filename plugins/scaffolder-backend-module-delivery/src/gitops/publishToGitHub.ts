import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import { commitAuthor } from './commitAuthor';
import { compareWithGitHubBranch } from './githubBranchFiles';
import { createGitHubClient } from './githubClient';
import { commitToBranch, openPullRequest } from './githubPullRequest';
import { changeBranchName, GitOpsChange } from './gitopsChange';
import { GitOpsPublication, selectFilesToWrite } from './gitopsPublication';

/**
 * Proposes the publication as a pull request on the GitOps repository on
 * GitHub, optionally merged right away; the commit, the pull request and the
 * merge each in a checkpoint so a retried task makes them once.
 */
export async function publishToGitHub(
  publication: GitOpsPublication,
  options: {
    config: Config;
    integrations: ScmIntegrationRegistry;
    credentialsProvider: GithubCredentialsProvider;
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
  const integration = integrations.github.byHost(host);
  if (!owner || !integration) {
    throw new InputError(`${repoUrl} is not a GitHub repository`);
  }
  const branchOf = (change: GitOpsChange) =>
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

  const repository = { owner, repo };
  const octokit = await createGitHubClient({
    integration,
    credentialsProvider: options.credentialsProvider,
    repository,
    token: input.token,
  });
  const baseBranch =
    input.baseBranch ??
    (await octokit.repos.get(repository)).data.default_branch;

  const written = await selectFilesToWrite(
    publication,
    compareWithGitHubBranch({ octokit, repository, branch: baseBranch }),
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
