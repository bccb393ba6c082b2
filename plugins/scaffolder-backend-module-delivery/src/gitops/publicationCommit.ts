import { SerializedFile } from '@backstage/plugin-scaffolder-node';
import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * The commit a publication makes in the GitOps repository: its files, its
 * message and a digest of both (not delivery-node's `GitOpsChange`, which
 * this becomes when proposed).
 */
export interface PublicationCommit {
  /** The files, by path in the GitOps repository. */
  files: SerializedFile[];
  /** The commit message: `<service>: <change>` and the files touched. */
  message: string;
  /** A digest of the files and the message: the same change, the same digest. */
  digest: string;
}

/**
 * The files of a workspace folder by their path in the GitOps repository,
 * below `targetPath` (empty for its root), in a stable order.
 */
export function placeInRepository(
  files: SerializedFile[],
  targetPath: string,
): SerializedFile[] {
  return files
    .filter(file => !file.symlink)
    .map(file => ({
      ...file,
      path: path.posix.join(targetPath || '.', file.path),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Describes files, by path in the GitOps repository, as the commit that publishes them. */
export function describePublicationCommit(options: {
  files: SerializedFile[];
  service: string;
  change: string;
  commitMessage?: string;
  requestedBy?: string;
}): PublicationCommit {
  const { files } = options;
  const subject =
    options.commitMessage ?? `${options.service}: ${options.change}`;
  const message = [
    subject,
    '',
    ...files.map(file => `- ${file.path}`),
    ...(options.requestedBy
      ? ['', `Requested-by: ${options.requestedBy}`]
      : []),
    '',
  ].join('\n');
  const hash = createHash('sha256').update(message);
  for (const file of files) {
    hash.update(file.path).update('\0').update(file.content).update('\0');
  }
  return { files, message, digest: hash.digest('hex') };
}

/** The branch a change is proposed on: named after the service and the change's digest. */
export function changeBranchName(service: string, digest: string): string {
  const slug = service
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `delivery/${slug || 'change'}-${digest.slice(0, 10)}`;
}
