import { SerializedFile } from '@backstage/plugin-scaffolder-node';
import {
  gitBlobSha,
  GitOpsRepository,
} from '@domain-delivery/backstage-plugin-delivery-node';

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
 * Compares files with those at the head of the repository's branch by their
 * git object ids, one file at a time.
 */
export function compareWithRepository(
  repository: GitOpsRepository,
): CompareWithRepository {
  return async file => {
    const existing = await repository.readFile(file.path);
    if (!existing) {
      return 'absent';
    }
    return existing.sha === gitBlobSha(file.content) ? 'same' : 'different';
  };
}

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
