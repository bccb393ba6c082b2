import { ConflictError } from '@backstage/errors';
import fs from 'node:fs';
import { resolve } from 'node:path';
import git from 'isomorphic-git';
import { CommitAuthor, PROMOTION_COMMIT_AUTHOR } from '../commitAuthor';
import { contentToWrite, gitBlobSha } from '../fileContent';
import {
  GitOpsChange,
  GitOpsFile,
  GitOpsProposal,
  GitOpsRepository,
} from '../GitOpsRepository';
import { fileDiff } from '../unifiedDiff';
import { compareAndSwapRef, refLockFile, resolveBranch } from './refUpdate';
import { withRepositoryLock } from './repositoryLock';
import { repositoryPath, TreeBlob, writeTreeWith } from './treeWrite';

// A ref update that loses a race is retried on the new head this many times.
const MAX_ATTEMPTS = 5;

/**
 * Options of a {@link LocalGitOpsRepository}.
 *
 * @public
 */
export interface LocalGitOpsRepositoryOptions {
  /** The repository's folder; created with the repository when missing. */
  dir: string;
  /** Who commits. */
  author: CommitAuthor;
  /** The branch changes are committed to; default `main`. */
  branch?: string;
  /**
   * When set, a new repository starts with a commit with this message of the
   * files its folder already holds (none: an empty commit); otherwise the
   * first change is its first commit.
   */
  initialCommitMessage?: string;
}

/**
 * A git repository on the local disk as the GitOps repository: a change is
 * one commit on the branch. Writers in any process take the repository's
 * lock; the commit is built from the branch head's objects and the branch
 * moved by compare-and-swap, then the working tree is checked out again.
 *
 * @public
 */
export class LocalGitOpsRepository implements GitOpsRepository {
  readonly dir: string;
  readonly location: string;
  private readonly ref: string;

  /**
   * The local GitOps repository that promotions commit to: created with an
   * empty commit "Create the GitOps repository", committed to by
   * {@link PROMOTION_COMMIT_AUTHOR}.
   */
  static forPromotions(dir: string): LocalGitOpsRepository {
    return new LocalGitOpsRepository({
      dir,
      author: PROMOTION_COMMIT_AUTHOR,
      initialCommitMessage: 'Create the GitOps repository',
    });
  }

  constructor(private readonly options: LocalGitOpsRepositoryOptions) {
    this.dir = resolve(options.dir);
    this.location = this.dir;
    this.ref = `refs/heads/${options.branch ?? 'main'}`;
  }

  /** The commit at the head of the branch, or undefined when there is none. */
  async head(): Promise<string | undefined> {
    return resolveBranch(this.dir, this.ref);
  }

  /**
   * The file at the head of the branch; before the repository has a commit,
   * the folder's file, which its first commit will hold.
   */
  async readFile(path: string): Promise<GitOpsFile | undefined> {
    const filepath = repositoryPath(path);
    const head = await this.head();
    return head ? this.fileAt(head, filepath) : this.fileInFolder(filepath);
  }

  /** Creates the repository unless it exists; true when this call created it. */
  async create(): Promise<boolean> {
    return withRepositoryLock(this.dir, () => this.createHoldingLock());
  }

  async propose(change: GitOpsChange): Promise<GitOpsProposal> {
    const files = change.files.map(file => ({
      ...file,
      path: repositoryPath(file.path),
    }));
    return withRepositoryLock(this.dir, async () => {
      await this.createHoldingLock();
      for (let attempt = 1; ; attempt++) {
        const head = await this.head();
        const baseTree = head
          ? (await git.readCommit({ fs, dir: this.dir, oid: head })).commit.tree
          : undefined;
        const blobs: TreeBlob[] = [];
        const diffs = [];
        for (const file of files) {
          const before = head ? await this.fileAt(head, file.path) : undefined;
          const after = contentToWrite(file, before?.content);
          const oid = await git.writeBlob({ fs, dir: this.dir, blob: after });
          blobs.push({
            path: file.path,
            oid,
            mode: file.executable ? '100755' : '100644',
          });
          diffs.push(fileDiff(file.path, before?.content, after));
        }
        const tree = await writeTreeWith(this.dir, baseTree, blobs);
        if (head && tree === baseTree) {
          return { changed: false, commitSha: head, files: diffs };
        }
        const commit = await this.writeCommit(tree, head, change.message);
        if (await compareAndSwapRef(this.dir, this.ref, head, commit)) {
          await this.verifyOnBranch(commit);
          await this.checkOut();
          return { changed: true, commitSha: commit, files: diffs };
        }
        if (attempt >= MAX_ATTEMPTS) {
          const lockFile = refLockFile(this.dir, this.ref);
          if (fs.existsSync(lockFile)) {
            // Git removes its lock when it finishes; one left behind stays.
            throw new ConflictError(
              `${lockFile} is still there, so ${this.ref} of ${this.dir} cannot be moved; a git process that crashed may have left it. Remove it if no git process runs on the repository. The change was not committed`,
            );
          }
          throw new ConflictError(
            `${this.ref} of ${this.dir} kept moving; the change was not committed`,
          );
        }
      }
    });
  }

  private async createHoldingLock(): Promise<boolean> {
    if (await this.head()) {
      return false;
    }
    const created = !fs.existsSync(resolve(this.dir, '.git', 'config'));
    await git.init({
      fs,
      dir: this.dir,
      defaultBranch: this.ref.replace('refs/heads/', ''),
    });
    const message = this.options.initialCommitMessage;
    if (!message) {
      return created;
    }
    await git.add({ fs, dir: this.dir, filepath: '.' });
    const commit = await git.commit({
      fs,
      dir: this.dir,
      message: `${message}\n`,
      author: this.options.author,
      parent: [],
      noUpdateBranch: true,
    });
    if (!(await compareAndSwapRef(this.dir, this.ref, undefined, commit))) {
      return false;
    }
    await this.checkOut();
    return true;
  }

  private async fileAt(
    commit: string,
    filepath: string,
  ): Promise<GitOpsFile | undefined> {
    try {
      const { oid, blob } = await git.readBlob({
        fs,
        dir: this.dir,
        oid: commit,
        filepath,
      });
      return { path: filepath, content: Buffer.from(blob), sha: oid };
    } catch (error) {
      if ((error as { code?: string }).code === 'NotFoundError') {
        return undefined;
      }
      throw error;
    }
  }

  private async fileInFolder(
    filepath: string,
  ): Promise<GitOpsFile | undefined> {
    try {
      const content = await fs.promises.readFile(resolve(this.dir, filepath));
      return { path: filepath, content, sha: gitBlobSha(content) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        return undefined;
      }
      throw error;
    }
  }

  private writeCommit(
    tree: string,
    parent: string | undefined,
    message: string,
  ): Promise<string> {
    return git.commit({
      fs,
      dir: this.dir,
      message,
      author: this.options.author,
      tree,
      parent: parent ? [parent] : [],
      noUpdateBranch: true,
    });
  }

  // A promotion never reports a commit that is not on the branch.
  private async verifyOnBranch(commit: string): Promise<void> {
    const head = await this.head();
    const onBranch =
      head === commit ||
      (head !== undefined &&
        (await git.isDescendent({
          fs,
          dir: this.dir,
          oid: head,
          ancestor: commit,
          depth: -1,
        })));
    if (!onBranch) {
      throw new ConflictError(
        `Commit ${commit} is not on ${this.ref} of ${this.dir}`,
      );
    }
  }

  // The working tree follows the branch, so it stays clean for its readers.
  private async checkOut(): Promise<void> {
    await git.checkout({
      fs,
      dir: this.dir,
      ref: this.ref.replace('refs/heads/', ''),
      force: true,
    });
  }
}
