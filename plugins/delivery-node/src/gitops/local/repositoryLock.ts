import { ConflictError } from '@backstage/errors';
import fs from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

// Work on one repository in this process waits here rather than polling the lock.
const queues = new Map<string, Promise<unknown>>();

/** The lock every writer of the repository takes, in any process. */
function repositoryLockPath(dir: string): string {
  return join(dir, '.git', 'delivery-gitops.lock');
}

async function holdingTheLock<T>(dir: string, work: () => Promise<T>) {
  // The lock lives in .git, which exists before the repository is created so
  // that its creation is guarded too; `git init` accepts the folder.
  await fs.promises.mkdir(join(dir, '.git'), { recursive: true });
  let compromised: Error | undefined;
  const release = await lockfile.lock(dir, {
    lockfilePath: repositoryLockPath(dir),
    realpath: false,
    // A holder that died leaves the lock; it is taken over once it is stale.
    stale: 15_000,
    retries: { retries: 2_000, factor: 1.3, minTimeout: 10, maxTimeout: 200 },
    onCompromised: error => {
      compromised = error;
    },
  });
  try {
    const result = await work();
    if (compromised) {
      throw new ConflictError(
        `Lost the lock of the GitOps repository in ${dir} while writing it`,
        compromised,
      );
    }
    return result;
  } finally {
    await release().catch(() => undefined);
  }
}

/**
 * Runs the work while holding the repository's lock: one writer at a time per
 * repository, across the processes that share its folder.
 */
export function withRepositoryLock<T>(
  dir: string,
  work: () => Promise<T>,
): Promise<T> {
  const previous = queues.get(dir) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(() => holdingTheLock(dir, work));
  queues.set(dir, next);
  return next.finally(() => {
    if (queues.get(dir) === next) {
      queues.delete(dir);
    }
  });
}
