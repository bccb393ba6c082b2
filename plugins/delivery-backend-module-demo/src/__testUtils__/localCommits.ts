import fs from 'node:fs';
import git from 'isomorphic-git';

/** The commits of a local repository's HEAD, newest first. */
export async function localCommits(
  dir: string,
): Promise<Array<{ oid: string; message: string }>> {
  const entries = await git.log({ fs, dir });
  return entries.map(entry => ({
    oid: entry.oid,
    message: entry.commit.message,
  }));
}
