import fs from 'node:fs';
import git from 'isomorphic-git';

/**
 * The files of the working tree that differ from the branch head or the
 * index, untracked ones included; empty when it is clean.
 */
export async function uncleanFiles(dir: string): Promise<string[]> {
  const matrix = await git.statusMatrix({ fs, dir });
  return matrix
    .filter(
      ([, head, workdir, stage]) =>
        !(head === 1 && workdir === 1 && stage === 1),
    )
    .map(([filepath]) => filepath);
}
