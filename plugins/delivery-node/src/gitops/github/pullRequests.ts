import { ConflictError } from '@backstage/errors';
import { Octokit } from '@octokit/rest';
import { GitOpsPullRequest } from '../GitOpsRepository';
import { statusOf } from './githubErrors';

interface Repository {
  owner: string;
  repo: string;
}

/** The open pull request of the branch into the base, if there is one. */
async function findOpenPullRequest(
  octokit: Octokit,
  repository: Repository,
  base: string,
  branch: string,
) {
  const { data } = await octokit.pulls.list({
    ...repository,
    head: `${repository.owner}:${branch}`,
    base,
    state: 'open',
  });
  return data[0];
}

/**
 * Opens the pull request of the branch, or finds the one an earlier attempt
 * opened: first looking for it when the branch may have one, otherwise
 * creating it and looking only when GitHub says it exists.
 */
export async function openPullRequest(
  octokit: Octokit,
  repository: Repository,
  pull: {
    base: string;
    branch: string;
    title: string;
    body: string;
    lookFirst: boolean;
  },
): Promise<{ number: number; url: string }> {
  const { base, branch } = pull;
  if (pull.lookFirst) {
    const open = await findOpenPullRequest(octokit, repository, base, branch);
    if (open) {
      return { number: open.number, url: open.html_url };
    }
  }
  try {
    const { data } = await octokit.pulls.create({
      ...repository,
      base,
      head: branch,
      title: pull.title,
      body: pull.body,
    });
    return { number: data.number, url: data.html_url };
  } catch (error) {
    if (pull.lookFirst || statusOf(error) !== 422) {
      throw error;
    }
    const open = await findOpenPullRequest(octokit, repository, base, branch);
    if (!open) {
      throw error;
    }
    return { number: open.number, url: open.html_url };
  }
}

/** Merges the pull request; a `ConflictError` when GitHub does not. */
export async function mergePullRequest(
  octokit: Octokit,
  repository: Repository,
  pull: { number: number; url: string },
  options: { method: 'merge' | 'squash' | 'rebase'; title?: string },
): Promise<GitOpsPullRequest & { sha: string }> {
  const { data } = await octokit.pulls.merge({
    ...repository,
    pull_number: pull.number,
    merge_method: options.method,
    ...(options.title && { commit_title: options.title }),
  });
  if (!data.merged) {
    throw new ConflictError(
      `GitHub did not merge pull request #${pull.number}: ${data.message}`,
    );
  }
  return { ...pull, merged: true, sha: data.sha };
}
