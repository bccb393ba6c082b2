import { createHash } from 'node:crypto';
import { GitOpsFileWrite } from './GitOpsRepository';

/** The content to write for a file, given what the branch holds now. */
export function contentToWrite(
  file: GitOpsFileWrite,
  before: Buffer | undefined,
): Buffer {
  const { content } = file;
  if (typeof content === 'function') {
    return Buffer.from(content(before?.toString('utf8')), 'utf8');
  }
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
}

/**
 * The object id git gives a file's content, as GitHub reports it for a file.
 *
 * @public
 */
export function gitBlobSha(content: Buffer): string {
  return createHash('sha1')
    .update(`blob ${content.length}\0`)
    .update(content)
    .digest('hex');
}
