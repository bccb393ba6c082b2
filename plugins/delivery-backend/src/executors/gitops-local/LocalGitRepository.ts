import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import fs from 'fs-extra';
import git from 'isomorphic-git';
import nodeFs from 'node:fs';
import { resolve } from 'node:path';

/** Who commits to the local GitOps repository. */
export const GITOPS_AUTHOR = {
  name: 'Domain Delivery',
  email: 'delivery@domain-delivery.invalid',
};

// Commits to one repository are made one at a time within this process.
const queues = new Map<string, Promise<unknown>>();

/**
 * A git repository on the local disk that stands in for the GitOps
 * repository: files are read from the working tree and changes committed
 * with isomorphic-git. Paths are kept inside the repository.
 */
export class LocalGitRepository {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  /** Runs the work alone, after any other work on the same repository in this process. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const previous = queues.get(this.dir) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    queues.set(this.dir, next);
    return next.finally(() => {
      if (queues.get(this.dir) === next) {
        queues.delete(this.dir);
      }
    });
  }

  /** Whether the repository exists. */
  async exists(): Promise<boolean> {
    return fs.pathExists(resolve(this.dir, '.git'));
  }

  /** Creates the repository with a first commit, unless it exists; true when created. */
  async ensure(): Promise<boolean> {
    if (await this.exists()) {
      return false;
    }
    await fs.ensureDir(this.dir);
    await git.init({ fs: nodeFs, dir: this.dir, defaultBranch: 'main' });
    await fs.outputFile(
      resolve(this.dir, 'README.md'),
      '# GitOps repository\n\nStands in for the GitOps repository of the Domain Delivery demo: every\npromotion changes `apps/<domain>/<service>/values-<environment>.yaml` in a\ncommit.\n',
    );
    await git.add({ fs: nodeFs, dir: this.dir, filepath: 'README.md' });
    await git.commit({
      fs: nodeFs,
      dir: this.dir,
      message: 'Create the GitOps repository\n',
      author: GITOPS_AUTHOR,
    });
    return true;
  }

  /** The file's content in the working tree, or undefined when there is none. */
  async read(path: string): Promise<string | undefined> {
    const file = resolveSafeChildPath(this.dir, path);
    return (await fs.pathExists(file)) ? fs.readFile(file, 'utf8') : undefined;
  }

  /** Writes the files and commits them; returns the commit's SHA. */
  async commit(
    files: Array<{ path: string; content: string }>,
    message: string,
  ): Promise<string> {
    for (const { path, content } of files) {
      await fs.outputFile(resolveSafeChildPath(this.dir, path), content);
      await git.add({ fs: nodeFs, dir: this.dir, filepath: path });
    }
    return git.commit({
      fs: nodeFs,
      dir: this.dir,
      message,
      author: GITOPS_AUTHOR,
    });
  }
}
