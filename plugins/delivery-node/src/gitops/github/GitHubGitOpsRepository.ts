import { InputError } from '@backstage/errors';
import { Octokit } from '@octokit/rest';
import { CommitAuthor } from '../commitAuthor';
import {
  GitOpsChange,
  GitOpsFile,
  GitOpsProposal,
  GitOpsRepository,
} from '../GitOpsRepository';
import { commitAsOne, commitFileByFile } from './branchCommits';
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
    const { octokit, owner, repo, baseBranch } = this.options;
    const repository = { owner, repo };
    if (!change.branch) {
      throw new InputError(
        `A change proposed on ${this.location} needs a branch name`,
      );
    }
    const fileByFile = this.options.commits === 'file-by-file';
    const commit = await (fileByFile ? commitFileByFile : commitAsOne)({
      octokit,
      repository,
      base: baseBranch,
      branch: change.branch,
      files: change.files,
      message: change.message,
      author: this.options.author,
      readAt: (path, ref) => this.readAt(path, ref),
    });
    if (!fileByFile && !commit.sha) {
      return { changed: false, files: commit.files };
    }
    const [title, , ...body] = change.message.split('\n');
    const pull = await openPullRequest(octokit, repository, {
      base: baseBranch,
      branch: change.branch,
      title,
      body: body.join('\n'),
      // A branch named after its content may have a pull request already.
      lookFirst: !fileByFile && commit.branchExisted,
    });
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
    const { sha, ...merged } = await mergePullRequest(
      octokit,
      repository,
      pull,
      {
        method: this.options.mergeMethod ?? 'squash',
        title: change.mergeTitle?.replace('{number}', String(pull.number)),
      },
    );
    return { ...proposal, commitSha: sha, pullRequest: merged };
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
