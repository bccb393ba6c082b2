import { Deployment } from '@internal/backstage-plugin-delivery-common';
import { DeliveryApi } from '../api';
import { deploymentTime } from './deploymentOrder';

/** The failed deployments since a moment, and whether every deployment since then was read. */
export interface RecentFailures {
  failures: Deployment[];
  /** False when the scan stopped early; the count is then a lower bound. */
  complete: boolean;
}

const READ_SIZE = 100;
const MAX_READS_PER_SOURCE = 10;

/**
 * The failed deployments since `since`, for some entities or the whole portal,
 * read from the history (newest first) until it reaches older deployments.
 */
export async function listFailuresSince(
  api: Pick<DeliveryApi, 'getDeployments'>,
  options: { since: Date; entityRefs?: string[]; environment?: string },
): Promise<RecentFailures> {
  const sinceMs = options.since.getTime();
  const results = await Promise.all(
    (options.entityRefs ?? [undefined]).map(async entityRef => {
      const failures: Deployment[] = [];
      let cursor: string | undefined;
      for (let read = 0; read < MAX_READS_PER_SOURCE; read++) {
        const page = await api.getDeployments({
          entityRef,
          environment: options.environment,
          cursor,
          limit: READ_SIZE,
        });
        let reachedOlder = false;
        for (const deployment of page.items) {
          if (new Date(deploymentTime(deployment)).getTime() < sinceMs) {
            reachedOlder = true;
            break;
          }
          if (deployment.status === 'failed') {
            failures.push(deployment);
          }
        }
        if (reachedOlder || !page.nextCursor) {
          return { failures, complete: true };
        }
        cursor = page.nextCursor;
      }
      return { failures, complete: false };
    }),
  );
  return {
    failures: results.flatMap(result => result.failures),
    complete: results.every(result => result.complete),
  };
}
