import {
  Deployment,
  DeploymentStatus,
} from '@internal/backstage-plugin-delivery-common';
import { DeliveryApi } from '../api';
import { newestFirst } from './deploymentOrder';

/** Which deployments a feed shows, newest first. */
export interface DeploymentFeedQuery {
  /**
   * Only these entities' deployments, merged into one history; the whole
   * portal when absent. The backend filters by one entity at a time, so each
   * entity is read on its own and the pages are merged here.
   */
  entityRefs?: string[];
  /** Only deployments to this environment. */
  environment?: string;
  /** Only deployments in this status; the backend has no such filter, so it is applied here. */
  status?: DeploymentStatus;
  /** How many deployments a page shows. */
  pageSize: number;
}

interface FeedSource {
  entityRef?: string;
  buffer: Deployment[];
  cursor?: string;
  exhausted: boolean;
}

/** Where the next page of a feed starts; opaque to callers. */
export interface DeploymentFeedPosition {
  readonly sources: readonly FeedSource[];
}

/** One page of a feed, and where the next one starts (absent on the last page). */
export interface DeploymentFeedPage {
  items: Deployment[];
  next?: DeploymentFeedPosition;
}

// A status filter may have to skip many deployments: a page stops reading
// after this many requests, and the next page carries on from there. Only
// sources that may hold newer items are read, so the merge stays in order.
const MAX_READS_PER_PAGE = 20;
const FILTERED_READ_SIZE = 100;

/**
 * Reads one page of deployments, newest first, merged across entities when
 * several are asked for.
 */
export async function readDeploymentFeedPage(
  api: Pick<DeliveryApi, 'getDeployments'>,
  query: DeploymentFeedQuery,
  position?: DeploymentFeedPosition,
): Promise<DeploymentFeedPage> {
  const sources: FeedSource[] = position
    ? position.sources.map(source => ({
        ...source,
        buffer: [...source.buffer],
      }))
    : (query.entityRefs ?? [undefined]).map(entityRef => ({
        entityRef,
        buffer: [],
        exhausted: false,
      }));
  const readSize = query.status ? FILTERED_READ_SIZE : query.pageSize;
  const items: Deployment[] = [];
  let reads = 0;

  while (items.length < query.pageSize) {
    const empty = sources.filter(s => s.buffer.length === 0 && !s.exhausted);
    if (empty.length > 0) {
      if (reads >= MAX_READS_PER_PAGE) {
        // The next page carries on from here.
        break;
      }
      reads += empty.length;
      await Promise.all(
        empty.map(async source => {
          const page = await api.getDeployments({
            entityRef: source.entityRef,
            environment: query.environment,
            cursor: source.cursor,
            limit: readSize,
          });
          source.buffer = query.status
            ? page.items.filter(d => d.status === query.status)
            : page.items;
          source.cursor = page.nextCursor;
          source.exhausted = !page.nextCursor;
        }),
      );
      continue;
    }
    const candidates = sources.filter(s => s.buffer.length > 0);
    if (candidates.length === 0) {
      break;
    }
    const newest = candidates.reduce((best, source) =>
      newestFirst(source.buffer[0], best.buffer[0]) < 0 ? source : best,
    );
    items.push(newest.buffer.shift()!);
  }

  const more = sources.some(s => s.buffer.length > 0 || !s.exhausted);
  return { items, ...(more && { next: { sources } }) };
}
