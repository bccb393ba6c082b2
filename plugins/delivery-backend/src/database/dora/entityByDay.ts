import { Knex } from 'knex';
import { bucketOf } from './aggregateRows';
import { DoraAggregate } from './DoraStore';
import { EntityDay, percentileOfSorted } from './entityDayFigures';
import { readEntityDays } from './entityDays';
import { keepEntityDays } from './keepEntityDays';

const MEDIAN = 0.5;
const P90 = 0.9;

// The values of several days in one sorted array (each day's are sorted
// already; a typed array sorts numbers without a comparator).
function sortedValuesOf(days: EntityDay[], kind: 'leadTimes' | 'recoveries') {
  const values = new Float64Array(
    days.reduce((total, day) => total + day[kind].length, 0),
  );
  let at = 0;
  for (const day of days) {
    values.set(day[kind], at);
    at += day[kind].length;
  }
  return values.sort();
}

// A day's own percentiles, or those of several days' values together.
function percentilesOf(days: EntityDay[]) {
  if (days.length === 1) {
    return days[0];
  }
  const leadTimes = sortedValuesOf(days, 'leadTimes');
  return {
    recoveryMedianMs: percentileOfSorted(
      sortedValuesOf(days, 'recoveries'),
      MEDIAN,
    ),
    leadTimeMedianMs: percentileOfSorted(leadTimes, MEDIAN),
    leadTimeP90Ms: percentileOfSorted(leadTimes, P90),
  };
}

/** The aggregate of some days (of a bucket, or of the window). */
function aggregateOf(days: EntityDay[]): DoraAggregate {
  const sum = (count: (day: EntityDay) => number) =>
    days.reduce((total, day) => total + count(day), 0);
  const percentiles = percentilesOf(days);
  return {
    deployments: sum(day => day.deployments),
    reworkDeployments: sum(day => day.rework),
    failedDeployments: sum(day => day.failed),
    openFailures: sum(day => day.openFailures),
    recoveryMedianMs: percentiles.recoveryMedianMs,
    leadTimeCommits: sum(day => day.commits),
    leadTimeMedianMs: percentiles.leadTimeMedianMs,
    leadTimeP90Ms: percentiles.leadTimeP90Ms,
  };
}

/**
 * One entity's DORA aggregates of the whole window and of each bucket
 * between `edges` (which must be UTC midnights), from its figures per UTC
 * day (see `readEntityDays`): a row per day, not a row per deployment and
 * commit. A bucket of one day takes the day's own percentiles; the medians
 * and the 90th percentile of longer ranges come from their days' sorted
 * values, exactly as percentile_cont gives them. The days computed here
 * rather than kept are kept afterwards. PostgreSQL only.
 */
export async function entityByDay(
  db: Knex,
  entityRef: string,
  edges: readonly number[],
): Promise<{ total: DoraAggregate; buckets: DoraAggregate[] }> {
  const from = edges[0];
  const to = edges[edges.length - 1];
  const { days, computed } = await readEntityDays(db, entityRef, from, to);
  const buckets: EntityDay[][] = edges.slice(1).map(() => []);
  for (const day of days) {
    buckets[bucketOf(edges, day.day)].push(day);
  }
  const figures = {
    total: aggregateOf(days),
    buckets: buckets.map(aggregateOf),
  };
  await keepEntityDays(db, entityRef, computed);
  return figures;
}
