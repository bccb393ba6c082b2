import { Config } from '@backstage/config';
import { resolve } from 'node:path';

/**
 * The local GitOps repository when `delivery.gitops.local.path` is not
 * configured, relative to the backend's working directory.
 *
 * @public
 */
export const DEFAULT_LOCAL_GITOPS_PATH = '.delivery-demo/gitops';

/**
 * The local GitOps repository's absolute path: `delivery.gitops.local.path`,
 * else {@link DEFAULT_LOCAL_GITOPS_PATH}.
 *
 * @public
 */
export function readLocalGitOpsPath(config: Config): string {
  return resolve(
    config.getOptionalString('delivery.gitops.local.path') ??
      DEFAULT_LOCAL_GITOPS_PATH,
  );
}
