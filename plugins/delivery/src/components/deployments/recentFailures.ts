import { Deployment } from '@domain-delivery/backstage-plugin-delivery-common';
import { DeliveryApi } from '../../api';

/** The failed deployments since a moment, and whether every one of them was read. */
export interface RecentFailures {
  failures: Deployment[];
  /** False when the read stopped early; the count is then a lower bound. */
  complete: boolean;
}

const READ_SIZE = 100;
// One request is the rule; a portal with more failures than this many pages
// shows "at least" rather than reading on.
const MAX_READS = 10;

/**
 * The failed deployments since `since`, newest first, of a domain's
 * components or the whole portal: the backend filters by status and time.
 */
export async function listFailuresSince(
  api: Pick<DeliveryApi, 'getDeployments'>,
  options: { since: Date; domain?: string },
): Promise<RecentFailures> {
  const failures: Deployment[] = [];
  let cursor: string | undefined;
  for (let read = 0; read < MAX_READS; read++) {
    const page = await api.getDeployments({
      domain: options.domain,
      status: 'failed',
      since: options.since.toISOString(),
      cursor,
      limit: READ_SIZE,
    });
    failures.push(...page.items);
    if (!page.nextCursor) {
      return { failures, complete: true };
    }
    cursor = page.nextCursor;
  }
  return { failures, complete: false };
}
