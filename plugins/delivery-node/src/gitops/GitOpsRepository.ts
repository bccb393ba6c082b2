/**
 * A file to write in a change: its content, or how to make it from the
 * content the branch holds when the change is made (undefined when there is
 * no such file), so that an edit lands on the latest version of the file.
 *
 * @public
 */
export interface GitOpsFileWrite {
  /** The path in the repository, with forward slashes. */
  path: string;
  content: string | Buffer | ((before: string | undefined) => string);
  /** Whether the file is executable (mode 100755). */
  executable?: boolean;
}

/**
 * A change to the GitOps repository: files to write and why.
 *
 * @public
 */
export interface GitOpsChange {
  files: GitOpsFileWrite[];
  /** The commit message; its first line titles a pull request. */
  message: string;
  /**
   * The branch a change proposed by pull request is made on; ignored by a
   * repository that commits to its branch directly.
   */
  branch?: string;
  /**
   * The title of the merge commit when a pull request is merged; `{number}`
   * stands for the pull request's number. Default GitHub's.
   */
  mergeTitle?: string;
}

/**
 * A file as the branch holds it.
 *
 * @public
 */
export interface GitOpsFile {
  path: string;
  content: Buffer;
  /** Its git object id. */
  sha: string;
}

/**
 * A file of a proposed change, with its unified diff.
 *
 * @public
 */
export interface GitOpsFileDiff {
  path: string;
  /** The content before the change; absent when the file is new or was not read. */
  before?: string;
  after: string;
  /**
   * The unified diff from before to after; empty when nothing changed,
   * absent when the content before was not read (a whole-file write proposed
   * on GitHub).
   */
  diff?: string;
}

/**
 * The pull request a change was proposed as.
 *
 * @public
 */
export interface GitOpsPullRequest {
  number: number;
  url: string;
  merged: boolean;
}

/**
 * What proposing a change did.
 *
 * @public
 */
export interface GitOpsProposal {
  /** Whether a commit was made; false when the branch held the files already. */
  changed: boolean;
  /**
   * The commit that holds the change: on the branch (a local commit, a
   * merged pull request's merge commit) or at the head of the pull request.
   */
  commitSha?: string;
  /** The pull request, when the repository proposes changes as pull requests. */
  pullRequest?: GitOpsPullRequest;
  /** The files written, with their diffs. */
  files: GitOpsFileDiff[];
}

/**
 * The GitOps repository: read a file at the head of its branch, propose a
 * change as a commit (a local repository) or a pull request (GitHub).
 *
 * @public
 */
export interface GitOpsRepository {
  /** Where the repository is, for messages: a folder or `owner/repo`. */
  readonly location: string;
  /** The file at the head of the branch, or undefined when there is none. */
  readFile(path: string): Promise<GitOpsFile | undefined>;
  /** Proposes the change; see {@link GitOpsProposal}. */
  propose(change: GitOpsChange): Promise<GitOpsProposal>;
}
