import fs from 'node:fs';
import { dirname, join } from 'node:path';
import git from 'isomorphic-git';

/** The commit a ref points at, or undefined when there is none yet. */
export async function resolveBranch(
  dir: string,
  ref: string,
): Promise<string | undefined> {
  try {
    return await git.resolveRef({ fs, dir, ref });
  } catch (error) {
    if ((error as { code?: string }).code === 'NotFoundError') {
      return undefined;
    }
    throw error;
  }
}

/** The lock file git holds while it moves the ref. */
export function refLockFile(dir: string, ref: string): string {
  return `${join(dir, '.git', ref)}.lock`;
}

/**
 * Moves the ref from `expected` to `next` only if it still points at
 * `expected`, the way git does: holding `<ref>.lock` (created exclusively, so
 * the git CLI and other writers wait too), then renaming it over the ref.
 * False when the ref moved meanwhile or someone else holds its lock.
 */
export async function compareAndSwapRef(
  dir: string,
  ref: string,
  expected: string | undefined,
  next: string,
): Promise<boolean> {
  const refFile = join(dir, '.git', ref);
  const lockFile = refLockFile(dir, ref);
  await fs.promises.mkdir(dirname(refFile), { recursive: true });
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(lockFile, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  }
  let swapped = false;
  try {
    if ((await resolveBranch(dir, ref)) !== expected) {
      return false;
    }
    await handle.writeFile(`${next}\n`);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.promises.rename(lockFile, refFile);
    swapped = true;
    return true;
  } finally {
    await handle?.close();
    if (!swapped) {
      await fs.promises.rm(lockFile, { force: true });
    }
  }
}
