import { DoraTier } from '@domain-delivery/backstage-plugin-delivery-common';

/** Which DORA rows to aggregate: a window split into buckets, some entities. */
export interface DoraAggregateQuery {
  /**
   * Bucket edges in milliseconds, ascending, at least two: bucket `i` is
   * `[edges[i], edges[i + 1])`, and the window is `[edges[0], edges[last])`.
   */
  edges: number[];
  /** Only these entities; every entity when left out. */
  entityRefs?: string[];
}

/** The DORA counts and medians of a bucket or of the whole window. */
export interface DoraAggregate {
  /** Succeeded production deployments that finished there. */
  deployments: number;
  /** Those with trigger rollback or hotfix. */
  reworkDeployments: number;
  /** Those that failed. */
  failedDeployments: number;
  /** Those that failed and have not recovered. */
  openFailures: number;
  /** The median recovery time of those that failed and recovered, in ms. */
  recoveryMedianMs: number | null;
  /** Commits with a known time whose first production deployment finished there. */
  leadTimeCommits: number;
  /** Their median lead time, in ms. */
  leadTimeMedianMs: number | null;
  /** Their 90th percentile lead time, in ms. */
  leadTimeP90Ms: number | null;
}

/**
 * What rates an entity on its own over a window: the counts behind its
 * deployment frequency and change failure rate, and the tiers of its
 * median lead time and recovery time (null without any).
 */
export interface DoraRating {
  deployments: number;
  failedDeployments: number;
  leadTime: DoraTier | null;
  recovery: DoraTier | null;
}

/** The DORA tables, read: aggregates over a window's rows only. */
export interface DoraStore {
  /** The entities that have had a succeeded production deployment. */
  listEntityRefs(): Promise<string[]>;

  /** The aggregates of the whole window and of each bucket, in order. */
  aggregate(
    query: DoraAggregateQuery,
  ): Promise<{ total: DoraAggregate; buckets: DoraAggregate[] }>;

  /**
   * What rates each of these entities on its own over the window `[from,
   * to)` (milliseconds), keyed by every ref asked for.
   */
  rateEntities(query: {
    from: number;
    to: number;
    entityRefs: string[];
  }): Promise<Map<string, DoraRating>>;
}
