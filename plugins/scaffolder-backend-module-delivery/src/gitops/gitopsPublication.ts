import {
  ActionContext,
  SerializedFile,
} from '@backstage/plugin-scaffolder-node';
import { CompareWithRepository, keepExistingFiles } from './existingFiles';
import { PublicationCommit } from './publicationCommit';

/**
 * What `delivery:gitops:publish` hands to a target (local repository or
 * GitHub): its context, the files by path in the GitOps repository, and how a
 * set of them is described as a change.
 */
export interface GitOpsPublication {
  ctx: ActionContext<any, any>;
  files: SerializedFile[];
  describe(files: SerializedFile[]): PublicationCommit;
}

/**
 * The files of the publication to write: without the `overwrite` input, those
 * the repository holds with other content are kept, logged and reported in
 * the `keptFiles` output.
 */
export async function selectFilesToWrite(
  publication: GitOpsPublication,
  compare: CompareWithRepository,
): Promise<SerializedFile[]> {
  const { ctx, files } = publication;
  const { write, kept } = await keepExistingFiles(
    files,
    compare,
    ctx.input.overwrite ?? false,
  );
  for (const file of kept) {
    ctx.logger.warn(
      `Kept ${file}: the repository holds it with other content (set overwrite to replace it)`,
    );
  }
  ctx.output('keptFiles', kept);
  return write;
}
