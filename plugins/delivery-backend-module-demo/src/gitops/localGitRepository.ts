import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import fs from 'fs-extra';
import git from 'isomorphic-git';
import nodeFs from 'node:fs';
import { resolve } from 'node:path';

// The only local git code of the demo module, until the shared local GitOps
// repository of delivery-node replaces it: the location, the author, the lock
// and the commits below are that repository's job, not the demo's.

const AUTHOR = {
  name: 'Domain Delivery',
  email: 'delivery@domain-delivery.invalid',
};

// Commits to one repository are made one at a time within this module.
const queues = new Map<string, Promise<unknown>>();

/** What the demo's seeding does with the local GitOps repository. */
export interface LocalGitRepository {
  /** The repository's directory. */
  readonly dir: string;
  /** Runs the work alone, after any other work on the repository. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Creates the repository with a first commit, unless it exists; true when created. */
  ensure(): Promise<boolean>;
  /** The file's content, or undefined when there is none. */
  read(path: string): Promise<string | undefined>;
  /** Writes the files and commits them; returns the commit's SHA. */
  commit(
    files: Array<{ path: string; content: string }>,
    message: string,
  ): Promise<string>;
}

/**
 * The local GitOps repository the `gitops-local` executor commits to:
 * `delivery.gitops.local.path`, by default `.delivery-demo/gitops` below the
 * backend's working directory.
 */
export function localGitRepository(config: Config): LocalGitRepository {
  const dir = resolve(
    config.getOptionalString('delivery.gitops.local.path') ??
      '.delivery-demo/gitops',
  );
  return {
    dir,
    exclusive(work) {
      const previous = queues.get(dir) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(work);
      queues.set(dir, next);
      return next.finally(() => {
        if (queues.get(dir) === next) {
          queues.delete(dir);
        }
      });
    },
    async ensure() {
      if (await fs.pathExists(resolve(dir, '.git'))) {
        return false;
      }
      await fs.ensureDir(dir);
      await git.init({ fs: nodeFs, dir, defaultBranch: 'main' });
      await git.commit({
        fs: nodeFs,
        dir,
        message: 'Create the GitOps repository\n',
        author: AUTHOR,
      });
      return true;
    },
    async read(path) {
      const file = resolveSafeChildPath(dir, path);
      return (await fs.pathExists(file))
        ? fs.readFile(file, 'utf8')
        : undefined;
    },
    async commit(files, message) {
      for (const { path, content } of files) {
        await fs.outputFile(resolveSafeChildPath(dir, path), content);
        await git.add({ fs: nodeFs, dir, filepath: path });
      }
      return git.commit({ fs: nodeFs, dir, message, author: AUTHOR });
    },
  };
}
