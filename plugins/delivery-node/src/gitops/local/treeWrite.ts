import { InputError } from '@backstage/errors';
import fs from 'node:fs';
import { posix } from 'node:path';
import git, { TreeEntry } from 'isomorphic-git';

/** A blob to place in a tree, by its path below the tree. */
export interface TreeBlob {
  path: string;
  oid: string;
  mode: '100644' | '100755';
}

/**
 * The path in the repository with forward slashes and no `.` segments; an
 * `InputError` for a path that leaves the repository.
 */
export function repositoryPath(path: string): string {
  const normalized = posix.normalize(path.split('\\').join('/'));
  if (
    posix.isAbsolute(normalized) ||
    normalized === '.' ||
    normalized === '..' ||
    normalized.startsWith('../')
  ) {
    throw new InputError(`${path} is outside the GitOps repository`);
  }
  return normalized;
}

/**
 * Writes the tree that is `base` (empty when undefined) with the blobs put in
 * place, creating folders as needed; answers its object id.
 */
export async function writeTreeWith(
  dir: string,
  base: string | undefined,
  blobs: TreeBlob[],
): Promise<string> {
  const entries = new Map<string, TreeEntry>();
  if (base) {
    for (const entry of (await git.readTree({ fs, dir, oid: base })).tree) {
      entries.set(entry.path, entry);
    }
  }
  const below = new Map<string, TreeBlob[]>();
  for (const blob of blobs) {
    const [name, ...rest] = blob.path.split('/');
    if (rest.length === 0) {
      entries.set(name, {
        path: name,
        mode: blob.mode,
        oid: blob.oid,
        type: 'blob',
      });
    } else {
      below.set(name, [
        ...(below.get(name) ?? []),
        { ...blob, path: rest.join('/') },
      ]);
    }
  }
  for (const [name, children] of below) {
    const existing = entries.get(name);
    const oid = await writeTreeWith(
      dir,
      existing?.type === 'tree' ? existing.oid : undefined,
      children,
    );
    entries.set(name, { path: name, mode: '040000', oid, type: 'tree' });
  }
  return git.writeTree({ fs, dir, tree: [...entries.values()] });
}
