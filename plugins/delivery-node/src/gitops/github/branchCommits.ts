import { Octokit } from '@octokit/rest';
import { CommitAuthor } from '../commitAuthor';
import { contentToWrite } from '../fileContent';
import { GitOpsFileDiff, GitOpsFileWrite } from '../GitOpsRepository';
import { fileDiff } from '../unifiedDiff';
import { statusOf } from './githubErrors';

/** Reads a file at a ref; undefined when there is none. */
export type ReadAt = (
  path: string,
  ref: string,
) => Promise<{ content: Buffer; sha: string } | undefined>;

interface BranchCommitOptions {
  octokit: Octokit;
  repository: { owner: string; repo: string };
  base: string;
  branch: string;
  files: GitOpsFileWrite[];
  message: string;
  author?: CommitAuthor;
  readAt: ReadAt;
}

/**
 * What committing a change to its branch on GitHub did.
 *
 * @public
 */
export interface GitHubBranchCommit {
  /** The commit at the branch's head that holds the change, if a commit was made. */
  sha?: string;
  /** Whether the branch was there before (an earlier attempt). */
  branchExisted: boolean;
  files: GitOpsFileDiff[];
}

/** The commit at the head of the base branch. */
async function baseHead(options: BranchCommitOptions): Promise<string> {
  const { octokit, repository, base } = options;
  const { data } = await octokit.git.getRef({
    ...repository,
    ref: `heads/${base}`,
  });
  return data.object.sha;
}

/** Creates the branch at the commit; false when an earlier attempt made it. */
async function createBranch(
  options: BranchCommitOptions,
  sha: string,
): Promise<boolean> {
  const { octokit, repository, branch } = options;
  try {
    await octokit.git.createRef({
      ...repository,
      ref: `refs/heads/${branch}`,
      sha,
    });
    return true;
  } catch (error) {
    if (statusOf(error) !== 422) {
      throw error;
    }
    return false;
  }
}

/**
 * Creates the branch at the base's head (or keeps the one an earlier attempt
 * made) and commits each changed file on it with the contents API; the
 * file's object id guards against a concurrent change of the same file.
 */
async function commitFileByFile(
  options: BranchCommitOptions,
): Promise<GitHubBranchCommit> {
  const { octokit, repository, branch, readAt } = options;
  const branchExisted = !(await createBranch(options, await baseHead(options)));
  let sha: string | undefined;
  const files: GitOpsFileDiff[] = [];
  for (const file of options.files) {
    const before = await readAt(file.path, branch);
    const after = contentToWrite(file, before?.content);
    files.push(fileDiff(file.path, before?.content, after));
    if (before && before.content.equals(after)) {
      continue;
    }
    const { data } = await octokit.repos.createOrUpdateFileContents({
      ...repository,
      path: file.path,
      branch,
      message: options.message,
      content: after.toString('base64'),
      ...(before && { sha: before.sha }),
      ...(options.author && {
        author: options.author,
        committer: options.author,
      }),
    });
    sha = data.commit.sha ?? sha;
  }
  return { sha, branchExisted, files };
}

/** Whether the bytes are text that survives a round trip through a string. */
function isText(content: Buffer): boolean {
  return (
    !content.includes(0) &&
    Buffer.from(content.toString('utf8'), 'utf8').equals(content)
  );
}

/**
 * A tree entry's content: text inline, anything else as a blob made first,
 * because the trees API takes inline content as a UTF-8 string and would
 * mangle other bytes.
 */
async function blobOf(
  options: BranchCommitOptions,
  content: Buffer,
): Promise<{ content: string } | { sha: string }> {
  if (isText(content)) {
    return { content: content.toString('utf8') };
  }
  const { data } = await options.octokit.git.createBlob({
    ...options.repository,
    content: content.toString('base64'),
    encoding: 'base64',
  });
  return { sha: data.sha };
}

/**
 * Commits all files as one commit on the base's head and points the branch
 * at it (moving a branch an earlier attempt left); no commit when the base
 * already holds exactly these files.
 */
async function commitAsOne(
  options: BranchCommitOptions,
): Promise<GitHubBranchCommit> {
  const { octokit, repository, base, branch, readAt } = options;
  const { data: baseCommit } = await octokit.git.getCommit({
    ...repository,
    commit_sha: await baseHead(options),
  });
  const files: GitOpsFileDiff[] = [];
  const entries = [];
  for (const file of options.files) {
    // Only an edit needs the file as it is; other files are not read.
    const edits = typeof file.content === 'function';
    const before = edits ? (await readAt(file.path, base))?.content : undefined;
    const after = contentToWrite(file, before);
    files.push(
      edits
        ? fileDiff(file.path, before, after)
        : { path: file.path, after: after.toString('utf8') },
    );
    entries.push({
      path: file.path,
      mode: file.executable ? ('100755' as const) : ('100644' as const),
      type: 'blob' as const,
      ...(await blobOf(options, after)),
    });
  }
  const { data: tree } = await octokit.git.createTree({
    ...repository,
    base_tree: baseCommit.tree.sha,
    tree: entries,
  });
  if (tree.sha === baseCommit.tree.sha) {
    return { branchExisted: false, files };
  }
  const { data: commit } = await octokit.git.createCommit({
    ...repository,
    message: options.message,
    tree: tree.sha,
    parents: [baseCommit.sha],
    ...(options.author && { author: options.author }),
  });
  if (await createBranch(options, commit.sha)) {
    return { sha: commit.sha, branchExisted: false, files };
  }
  await octokit.git.updateRef({
    ...repository,
    ref: `heads/${branch}`,
    sha: commit.sha,
    force: true,
  });
  return { sha: commit.sha, branchExisted: true, files };
}

/** Commits the files on the branch the given way; see each way above. */
export function commitOnBranch(
  way: 'file-by-file' | 'single-commit',
  options: BranchCommitOptions,
): Promise<GitHubBranchCommit> {
  return way === 'file-by-file'
    ? commitFileByFile(options)
    : commitAsOne(options);
}
