import {
  gitBlobSha,
  GitOpsFile,
  LocalGitOpsRepository,
} from '@domain-delivery/backstage-plugin-delivery-node';
import git from 'isomorphic-git';
import fs from 'node:fs';

/**
 * Which values files of the GitOps repository the demo may bring in line with
 * its history: those that hold what they held when the backend started, or
 * what the demo itself last wrote there. A file that anyone else changed
 * while the backend runs (a promotion, the golden path, a person) is theirs
 * until the next start.
 */
export class DemoOwnedFiles {
  // Path → the blob the demo last wrote there.
  private readonly written = new Map<string, string>();

  /** Remembers the commit the repository stands at now, as the start. */
  static async atStart(
    repository: LocalGitOpsRepository,
  ): Promise<DemoOwnedFiles> {
    return new DemoOwnedFiles(repository.dir, await repository.head());
  }

  private constructor(
    private readonly dir: string,
    private readonly start: string | undefined,
  ) {}

  /** Whether the demo may rewrite the file as the branch holds it now. */
  async owns(file: GitOpsFile): Promise<boolean> {
    const written = this.written.get(file.path);
    if (written !== undefined) {
      return written === file.sha;
    }
    return (await this.shaAtStart(file.path)) === file.sha;
  }

  /** Records what the demo wrote to a path. */
  wrote(path: string, content: string) {
    this.written.set(path, gitBlobSha(Buffer.from(content)));
  }

  private async shaAtStart(path: string): Promise<string | undefined> {
    if (!this.start) {
      return undefined;
    }
    try {
      const { oid } = await git.readBlob({
        fs,
        dir: this.dir,
        oid: this.start,
        filepath: path,
      });
      return oid;
    } catch (error) {
      if ((error as { code?: string }).code === 'NotFoundError') {
        return undefined;
      }
      throw error;
    }
  }
}
