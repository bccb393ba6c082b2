import { percentileCont } from '@domain-delivery/backstage-plugin-delivery-common';
import { DoraAggregate } from './DoraStore';

/** A production deployment of the window, as aggregated. */
export interface DeploymentFact {
  finishedAt: number;
  rework: boolean;
  failed: boolean;
  /** When it recovered, if it failed and has. */
  recoveredAt: number | null;
}

/** A commit whose first production deployment is in the window. */
export interface LeadTimeFact {
  firstFinishedAt: number;
  committedAt: number;
}

interface Accumulator {
  deployments: number;
  reworkDeployments: number;
  failedDeployments: number;
  openFailures: number;
  recoveries: number[];
  leadTimes: number[];
}

const accumulator = (): Accumulator => ({
  deployments: 0,
  reworkDeployments: 0,
  failedDeployments: 0,
  openFailures: 0,
  recoveries: [],
  leadTimes: [],
});

function toAggregate(acc: Accumulator): DoraAggregate {
  return {
    deployments: acc.deployments,
    reworkDeployments: acc.reworkDeployments,
    failedDeployments: acc.failedDeployments,
    openFailures: acc.openFailures,
    recoveryMedianMs: percentileCont(acc.recoveries, 0.5),
    leadTimeCommits: acc.leadTimes.length,
    leadTimeMedianMs: percentileCont(acc.leadTimes, 0.5),
    leadTimeP90Ms: percentileCont(acc.leadTimes, 0.9),
  };
}

/** The index of the bucket `[edges[i], edges[i + 1])` holding `at`, or -1. */
export function bucketOf(edges: readonly number[], at: number): number {
  if (at < edges[0] || at >= edges[edges.length - 1]) {
    return -1;
  }
  let low = 0;
  let high = edges.length - 2;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (edges[middle] <= at) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return low;
}

/**
 * The DORA aggregates of the window and of each bucket, in memory: the
 * same numbers the PostgreSQL query computes with `percentile_cont`.
 */
export function aggregateRows(
  edges: readonly number[],
  deployments: Iterable<DeploymentFact>,
  leadTimes: Iterable<LeadTimeFact>,
): { total: DoraAggregate; buckets: DoraAggregate[] } {
  const total = accumulator();
  const buckets = edges.slice(1).map(accumulator);

  for (const deployment of deployments) {
    const bucket = bucketOf(edges, deployment.finishedAt);
    if (bucket < 0) {
      continue;
    }
    for (const acc of [total, buckets[bucket]]) {
      acc.deployments += 1;
      acc.reworkDeployments += deployment.rework ? 1 : 0;
      if (deployment.failed) {
        acc.failedDeployments += 1;
        if (deployment.recoveredAt === null) {
          acc.openFailures += 1;
        } else {
          acc.recoveries.push(deployment.recoveredAt - deployment.finishedAt);
        }
      }
    }
  }
  for (const commit of leadTimes) {
    const bucket = bucketOf(edges, commit.firstFinishedAt);
    if (bucket >= 0) {
      const leadTime = commit.firstFinishedAt - commit.committedAt;
      total.leadTimes.push(leadTime);
      buckets[bucket].leadTimes.push(leadTime);
    }
  }

  return { total: toAggregate(total), buckets: buckets.map(toAggregate) };
}
