import { Config } from '@backstage/config';
import { resolve } from 'node:path';

/**
 * The configuration key of the local GitOps repository's folder.
 *
 * @public
 */
export const LOCAL_GITOPS_PATH_KEY = 'delivery.gitops.local.path';

/**
 * The local GitOps repository's absolute path, `delivery.gitops.local.path`
 * resolved against the backend's working directory; undefined when it is not
 * configured, as there is no folder a backend should write to unasked.
 *
 * @public
 */
export function readLocalGitOpsPath(config: Config): string | undefined {
  const path = config.getOptionalString(LOCAL_GITOPS_PATH_KEY);
  return path === undefined ? undefined : resolve(path);
}
