import {
  Deployment,
  DeploymentStatus,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DeliveryApi } from '../../api';

/** Which deployments a feed shows, newest first; every filter given must match. */
export interface DeploymentFeedQuery {
  /** Only these entities' deployments (at most 100); nothing when empty. */
  entityRefs?: string[];
  /** Only deployments of this domain's components. */
  domain?: string;
  /** Only deployments of the entities this group owns. */
  owner?: string;
  /** Only deployments to this environment. */
  environment?: string;
  /** Only deployments in this status. */
  status?: DeploymentStatus;
  /** How many deployments a page shows. */
  pageSize: number;
}

/** Where the next page of a feed starts; opaque to callers. */
export interface DeploymentFeedPosition {
  readonly cursor: string;
}

/** One page of a feed, and where the next one starts (absent on the last page). */
export interface DeploymentFeedPage {
  items: Deployment[];
  next?: DeploymentFeedPosition;
}

/**
 * Reads one page of deployments, newest first, in one request: the backend
 * filters and pages across entities. A page may be short (even empty) while
 * `next` leads on, when the backend left out deployments the user may not read.
 */
export async function readDeploymentFeedPage(
  api: Pick<DeliveryApi, 'getDeployments'>,
  query: DeploymentFeedQuery,
  position?: DeploymentFeedPosition,
): Promise<DeploymentFeedPage> {
  // No entity at all, not every entity.
  if (query.entityRefs?.length === 0) {
    return { items: [] };
  }
  const page = await api.getDeployments({
    entityRef: query.entityRefs,
    domain: query.domain,
    owner: query.owner,
    environment: query.environment,
    status: query.status,
    cursor: position?.cursor,
    limit: query.pageSize,
  });
  return {
    items: page.items,
    ...(page.nextCursor && { next: { cursor: page.nextCursor } }),
  };
}
