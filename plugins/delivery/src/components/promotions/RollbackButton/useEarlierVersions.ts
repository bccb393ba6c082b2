import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../../api';

// How much of the environment's history is searched for earlier versions.
const EARLIER_DEPLOYMENTS_LIMIT = 100;

/** An earlier version that ran in the environment, and when it last finished there. */
export interface EarlierVersion {
  version: string;
  finishedAt?: string;
}

/**
 * The versions that succeeded in the environment before, other than the one
 * running now, newest first, each once: what a rollback may return to.
 */
export function useEarlierVersions(
  entityRef: string,
  environment: string,
  currentVersion: string,
) {
  const deliveryApi = useApi(deliveryApiRef);
  return useAsync(async (): Promise<EarlierVersion[]> => {
    const { items } = await deliveryApi.getDeployments({
      entityRef,
      environment,
      limit: EARLIER_DEPLOYMENTS_LIMIT,
    });
    const seen = new Map<string, EarlierVersion>();
    for (const deployment of items) {
      if (
        deployment.status === 'succeeded' &&
        deployment.version !== currentVersion &&
        !seen.has(deployment.version)
      ) {
        seen.set(deployment.version, {
          version: deployment.version,
          finishedAt: deployment.finishedAt,
        });
      }
    }
    return [...seen.values()];
  }, [deliveryApi, entityRef, environment, currentVersion]);
}
