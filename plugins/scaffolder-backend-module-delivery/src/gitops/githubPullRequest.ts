import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { Octokit } from '@octokit/rest';

/** A file of the change, by path in the GitOps repository. */
export interface GitOpsFile {
  path: string;
  content: Buffer;
  executable?: boolean;
}

/** The pull request a GitOps change was opened as. */
export interface GitOpsPullRequest {
  number: number;
  url: string;
  /** The merge commit, when the pull request was merged right away. */
  mergeCommitHash?: string;
}

type Checkpoint = ActionContext<any, any>['checkpoint'];

interface Repository {
  owner: string;
  repo: string;
}

function isConflict(error: unknown): boolean {
  return (error as { status?: number })?.status === 422;
}

/**
 * Commits the files on a branch of the repository, created from the base
 * branch, in one checkpoint: a retried task finds the commit it made. Answers
 * undefined when the base branch already holds exactly these files.
 */
export async function commitToBranch(options: {
  octokit: Octokit;
  repository: Repository;
  baseBranch: string;
  branch: string;
  files: GitOpsFile[];
  message: string;
  author?: { name: string; email: string };
  checkpoint: Checkpoint;
}): Promise<string | undefined> {
  const { octokit, repository, baseBranch, branch, files, message, author } =
    options;
  const result = await options.checkpoint({
    key: `gitops.github.commit.${repository.owner}.${repository.repo}.${branch}`,
    fn: async () => {
      const { data: baseRef } = await octokit.git.getRef({
        ...repository,
        ref: `heads/${baseBranch}`,
      });
      const { data: baseCommit } = await octokit.git.getCommit({
        ...repository,
        commit_sha: baseRef.object.sha,
      });
      const { data: tree } = await octokit.git.createTree({
        ...repository,
        base_tree: baseCommit.tree.sha,
        tree: files.map(file => ({
          path: file.path,
          mode: file.executable ? ('100755' as const) : ('100644' as const),
          type: 'blob' as const,
          content: file.content.toString('utf8'),
        })),
      });
      if (tree.sha === baseCommit.tree.sha) {
        return { commitHash: null };
      }
      const { data: commit } = await octokit.git.createCommit({
        ...repository,
        message,
        tree: tree.sha,
        parents: [baseCommit.sha],
        ...(author && { author }),
      });
      try {
        await octokit.git.createRef({
          ...repository,
          ref: `refs/heads/${branch}`,
          sha: commit.sha,
        });
      } catch (error) {
        // The branch is left over from an attempt that failed after creating it.
        if (!isConflict(error)) {
          throw error;
        }
        await octokit.git.updateRef({
          ...repository,
          ref: `heads/${branch}`,
          sha: commit.sha,
          force: true,
        });
      }
      return { commitHash: commit.sha };
    },
  });
  return result.commitHash ?? undefined;
}

/**
 * Opens the pull request of the branch, or finds the one already open, in a
 * checkpoint; with `autoMerge`, squash-merges it in another.
 */
export async function openPullRequest(options: {
  octokit: Octokit;
  repository: Repository;
  baseBranch: string;
  branch: string;
  title: string;
  body: string;
  autoMerge: boolean;
  checkpoint: Checkpoint;
}): Promise<GitOpsPullRequest> {
  const { octokit, repository, baseBranch, branch, checkpoint } = options;
  const pullRequest = await checkpoint({
    key: `gitops.github.pull-request.${repository.owner}.${repository.repo}.${branch}`,
    fn: async () => {
      const { data: open } = await octokit.pulls.list({
        ...repository,
        head: `${repository.owner}:${branch}`,
        base: baseBranch,
        state: 'open',
      });
      if (open.length) {
        return { number: open[0].number, url: open[0].html_url };
      }
      const { data: created } = await octokit.pulls.create({
        ...repository,
        head: branch,
        base: baseBranch,
        title: options.title,
        body: options.body,
      });
      return { number: created.number, url: created.html_url };
    },
  });
  if (!options.autoMerge) {
    return pullRequest;
  }
  const merge = await checkpoint({
    key: `gitops.github.merge.${repository.owner}.${repository.repo}.${pullRequest.number}`,
    fn: async () => {
      const { data } = await octokit.pulls.merge({
        ...repository,
        pull_number: pullRequest.number,
        merge_method: 'squash',
      });
      return { sha: data.sha };
    },
  });
  return { ...pullRequest, mergeCommitHash: merge.sha };
}
