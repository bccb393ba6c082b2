import { InputError } from '@backstage/errors';
import { Octokit } from '@octokit/rest';
import { CommitAuthor } from '../commitAuthor';
import {
  GitOpsChange,
  GitOpsFile,
  GitOpsProposal,
  GitOpsPullRequest,
  GitOpsRepository,
} from '../GitOpsRepository';
import { commitOnBranch, GitHubBranchCommit } from './branchCommits';
import { statusOf } from './githubErrors';
import { mergePullRequest, openPullRequest } from './pullRequests';

/**
 * Options of a {@link GitHubGitOpsRepository}.
 *
 * @public
 */
export interface GitHubGitOpsRepositoryOptions {
  /** A client from the {@link GitHubClientFactory}. */
  octokit: Octokit;
  owner: string;
  repo: string;
  /** The branch pull requests go into. */
  baseBranch: string;
  /**
   * How the change is committed on its branch: `file-by-file` with the
   * contents API on the branch as it is (a retry continues the branch an
   * earlier attempt left, e.g. a promotion's); `single-commit` as one commit
   * on the base's head that the branch is moved to (for a branch named after
   * its content). Default `single-commit`.
   */
  commits?: 'file-by-file' | 'single-commit';
  /** Merge the pull request right away; default false. */
  autoMerge?: boolean;
  /** Default `squash`. */
  mergeMethod?: 'merge' | 'squash' | 'rebase';
  /** Who commits; default whoever the credentials belong to. */
  author?: CommitAuthor;
}

/**
 * The GitOps repository on GitHub: a change is proposed as a pull request
 * from its own branch into the base branch, and merged with `autoMerge`.
 *
 * @public
 */
export class GitHubGitOpsRepository implements GitOpsRepository {
  readonly location: string;

  constructor(private readonly options: GitHubGitOpsRepositoryOptions) {
    this.location = `${options.owner}/${options.repo}`;
  }

  readFile(path: string): Promise<GitOpsFile | undefined> {
    return this.readAt(path, this.options.baseBranch);
  }

  async propose(change: GitOpsChange): Promise<GitOpsProposal> {
    const fileByFile = this.options.commits === 'file-by-file';
    const commit = await this.commitChange(change);
    if (!fileByFile && !commit.sha) {
      return { changed: false, files: commit.files };
    }
    const pull = await this.openPullRequest(change, commit);
    const proposal = {
      changed: commit.sha !== undefined,
      files: commit.files,
    };
    if (!this.options.autoMerge) {
      return {
        ...proposal,
        ...(commit.sha && { commitSha: commit.sha }),
        pullRequest: { ...pull, merged: false },
      };
    }
    const { sha, ...merged } = await this.mergePullRequest(change, pull);
    return { ...proposal, commitSha: sha, pullRequest: merged };
  }

  /**
   * The first step of {@link GitHubGitOpsRepository.propose}: commits the
   * change on its branch. Its steps are separate for a caller that keeps
   * each write in a checkpoint of its own.
   */
  async commitChange(change: GitOpsChange): Promise<GitHubBranchCommit> {
    const { octokit, owner, repo, baseBranch } = this.options;
    return commitOnBranch(this.options.commits ?? 'single-commit', {
      octokit,
      repository: { owner, repo },
      base: baseBranch,
      branch: this.branchOf(change),
      files: change.files,
      message: change.message,
      author: this.options.author,
      readAt: (path, ref) => this.readAt(path, ref),
    });
  }

  /**
   * The second step of {@link GitHubGitOpsRepository.propose}: opens the
   * pull request of the change's branch, or finds the one an earlier attempt
   * opened.
   */
  async openPullRequest(
    change: GitOpsChange,
    commit: { branchExisted: boolean },
  ): Promise<{ number: number; url: string }> {
    const { octokit, owner, repo, baseBranch } = this.options;
    const [title, , ...body] = change.message.split('\n');
    return openPullRequest(
      octokit,
      { owner, repo },
      {
        base: baseBranch,
        branch: this.branchOf(change),
        title,
        body: body.join('\n'),
        // A branch named after its content may have a pull request already.
        lookFirst:
          this.options.commits !== 'file-by-file' && commit.branchExisted,
      },
    );
  }

  /**
   * The last step of {@link GitHubGitOpsRepository.propose}: merges the pull
   * request with the change's merge title; a `ConflictError` when GitHub
   * does not.
   */
  mergePullRequest(
    change: GitOpsChange,
    pull: { number: number; url: string },
  ): Promise<GitOpsPullRequest & { sha: string }> {
    const { octokit, owner, repo } = this.options;
    return mergePullRequest(octokit, { owner, repo }, pull, {
      method: this.options.mergeMethod ?? 'squash',
      title: change.mergeTitle?.replace('{number}', String(pull.number)),
    });
  }

  private branchOf(change: GitOpsChange): string {
    if (!change.branch) {
      throw new InputError(
        `A change proposed on ${this.location} needs a branch name`,
      );
    }
    return change.branch;
  }

  private async readAt(
    path: string,
    ref: string,
  ): Promise<GitOpsFile | undefined> {
    const { octokit, owner, repo } = this.options;
    try {
      const { data } = await octokit.repos.getContent({
        owner,
        repo,
        path,
        ref,
      });
      if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) {
        throw new InputError(`${path} in ${this.location} is not a file`);
      }
      // GitHub leaves out the content of files over 1 MB; their blob has it.
      const content =
        data.content || data.size === 0
          ? Buffer.from(data.content, 'base64')
          : Buffer.from(
              (await octokit.git.getBlob({ owner, repo, file_sha: data.sha }))
                .data.content,
              'base64',
            );
      return { path, content, sha: data.sha };
    } catch (error) {
      if (statusOf(error) === 404) {
        return undefined;
      }
      throw error;
    }
  }
}
