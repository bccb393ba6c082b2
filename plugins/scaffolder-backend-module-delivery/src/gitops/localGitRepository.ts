import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import {
  deserializeDirectoryContents,
  SerializedFile,
} from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { CompareWithRepository } from './existingFiles';

/** The outcome of committing files to a local repository. */
export interface LocalCommit {
  /** The commit that holds the files: a new one, or HEAD when nothing changed. */
  commitHash: string;
  /** Whether a commit was made. */
  changed: boolean;
}

async function headCommit(dir: string): Promise<string | undefined> {
  try {
    return await git.resolveRef({ fs, dir, ref: 'HEAD' });
  } catch {
    // A repository without commits yet.
    return undefined;
  }
}

/** Whether the folder is the working tree of a git repository of its own. */
export async function isGitRepository(dir: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(path.join(dir, '.git'))).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Compares files with those in a local repository's working tree, which is
 * what a commit there would overwrite.
 */
export function compareWithWorkingTree(dir: string): CompareWithRepository {
  return async file => {
    const target = resolveSafeChildPath(dir, file.path);
    try {
      return (await fs.promises.readFile(target)).equals(file.content)
        ? 'same'
        : 'different';
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        return 'absent';
      }
      // A folder where the change has a file: writing it would fail as well.
      if (code === 'EISDIR') {
        return 'different';
      }
      throw error;
    }
  };
}

/**
 * Writes files into a local repository (created with `git init` if missing)
 * and commits them, unless the repository already holds exactly these files:
 * then it answers the current HEAD and makes no commit, so writing the same
 * change twice commits once.
 */
export async function commitToLocalRepository(options: {
  dir: string;
  files: SerializedFile[];
  message: string;
  author: { name: string; email: string };
  defaultBranch: string;
}): Promise<LocalCommit> {
  const { dir, files, message, author, defaultBranch } = options;
  if (!(await isGitRepository(dir))) {
    await fs.promises.mkdir(dir, { recursive: true });
    await git.init({ fs, dir, defaultBranch });
  }
  // Paths stay inside the repository: deserializeDirectoryContents resolves them safely.
  await deserializeDirectoryContents(dir, files);
  const filepaths = files.map(file => file.path.split('\\').join('/'));
  await git.add({ fs, dir, filepath: filepaths });

  const head = await headCommit(dir);
  if (head) {
    const status = await git.statusMatrix({ fs, dir, filepaths });
    const unchanged = status.every(
      ([, inHead, inWorkdir, inStage]) =>
        inHead === 1 && inWorkdir === 1 && inStage === 1,
    );
    if (unchanged) {
      return { commitHash: head, changed: false };
    }
  }
  const commitHash = await git.commit({ fs, dir, message, author });
  return { commitHash, changed: true };
}

/** The commits of a local repository, newest first (for tests and logs). */
export async function localCommits(
  dir: string,
): Promise<Array<{ oid: string; message: string }>> {
  const entries = await git.log({ fs, dir });
  return entries.map(entry => ({
    oid: entry.oid,
    message: entry.commit.message,
  }));
}
