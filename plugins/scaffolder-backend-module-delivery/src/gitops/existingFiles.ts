import { SerializedFile } from '@backstage/plugin-scaffolder-node';
import { createHash } from 'node:crypto';

/**
 * How a file of a change compares with the GitOps repository's file at the
 * same path: not there yet, the same content, or other content.
 */
export type ExistingFile = 'absent' | 'same' | 'different';

/** Compares a file of the change with the repository's file at its path. */
export type CompareWithRepository = (
  file: SerializedFile,
) => Promise<ExistingFile>;

/**
 * The files of a change to write, and those kept: without `overwrite`, a file
 * the repository already holds with other content (a values file tuned by the
 * team, a promoted image tag) is left as it is. A file with the same content
 * is written, so a retried change is described the same way as the first.
 */
export async function keepExistingFiles(
  files: SerializedFile[],
  compare: CompareWithRepository,
  overwrite: boolean,
): Promise<{ write: SerializedFile[]; kept: string[] }> {
  if (overwrite) {
    return { write: files, kept: [] };
  }
  const write: SerializedFile[] = [];
  const kept: string[] = [];
  for (const file of files) {
    if ((await compare(file)) === 'different') {
      kept.push(file.path);
    } else {
      write.push(file);
    }
  }
  return { write, kept };
}

/** The object id git gives a file's content, as GitHub reports it for a file. */
export function gitBlobSha(content: Buffer): string {
  return createHash('sha1')
    .update(`blob ${content.length}\0`)
    .update(content)
    .digest('hex');
}
