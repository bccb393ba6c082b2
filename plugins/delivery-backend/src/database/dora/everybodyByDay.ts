import { Knex } from 'knex';
import { preparedStatement } from '../preparedStatement';
import { bucketOf } from './aggregateRows';
import { BucketRead, Kind, readBuckets } from './bucketReads';
import { rowsOf } from './doraStatements';
import { DoraAggregate } from './DoraStore';
import { DayPercentiles, keepDayPercentiles } from './keptDayPercentiles';

const DAY = 86_400_000;
const MEDIAN = 0.5;
const P90 = 0.9;

/**
 * Whether every edge is a UTC midnight, so that the rows per UTC day of
 * `dora_days` cover the window and each bucket exactly.
 */
export function coversWholeUtcDays(edges: readonly number[]): boolean {
  return edges.every(edge => edge % DAY === 0);
}

// Each day of the window, its counts per value bucket as plain text: much
// quicker to take apart than an array.
const daysOf = preparedStatement(
  `SELECT day, deployments, rework, failed, open_failures, commits,
    array_to_string(lead_time_buckets[1:], ',', '') AS lead_time_buckets,
    array_to_string(recovery_buckets[1:], ',', '') AS recovery_buckets,
    lead_time_median, lead_time_p90, recovery_median,
    xmin::text AS version
  FROM dora_days WHERE day >= ? AND day < ?`,
);

type Count = number | string;

interface DayRow {
  day: Count;
  deployments: number;
  rework: number;
  failed: number;
  open_failures: number;
  commits: number;
  /** How many in value bucket b, the b-th of a comma-separated list; empty for none. */
  lead_time_buckets: string;
  recovery_buckets: string;
  /** The day's percentiles a read kept, null until then. */
  lead_time_median: number | null;
  lead_time_p90: number | null;
  recovery_median: number | null;
  /** The row's version (xmin): a kept percentile is written only onto it. */
  version: string;
}

// What a range (the window, or a bucket of it) adds up to.
interface RangeCounts {
  deployments: number;
  /** Commits with a lead time: as many as the lead times counted per bucket. */
  commits: number;
  rework: number;
  failed: number;
  openFailures: number;
  leadTimes: number[];
  recoveries: number[];
}

// The ranks percentile_cont(p) interpolates between, 0-based, of n values.
function ranksOf(p: number, n: number) {
  const position = p * (n - 1);
  return { position, lower: Math.floor(position), upper: Math.ceil(position) };
}

// Where the 0-based rank lies among bucket counts: its bucket, and its index
// among that bucket's values.
function locate(counts: number[], rank: number) {
  let below = 0;
  for (let bucket = 0; bucket < counts.length; bucket++) {
    const count = counts[bucket] ?? 0;
    if (rank < below + count) {
      return { bucket, index: rank - below };
    }
    below += count;
  }
  throw new Error(`rank ${rank} beyond ${below} values`);
}

// The non-zero counts of a comma-separated list, as [bucket, count] pairs.
function countsOf(list: string): Array<[number, number]> {
  const counts: Array<[number, number]> = [];
  list.split(',').forEach((count, bucket) => {
    if (count !== '' && count !== '0') {
      counts.push([bucket, Number(count)]);
    }
  });
  return counts;
}

const leadTimesKept = (row: DayRow | undefined) =>
  row !== undefined &&
  row.lead_time_median !== null &&
  row.lead_time_p90 !== null;
const recoveryKept = (row: DayRow | undefined) =>
  row !== undefined && row.recovery_median !== null;

const total = (counts: number[]) =>
  counts.reduce((sum, count) => sum + (count ?? 0), 0);

function addInto(sums: number[], counts: Array<[number, number]>) {
  for (const [bucket, count] of counts) {
    sums[bucket] = (sums[bucket] ?? 0) + count;
  }
}

/**
 * Everybody's DORA aggregates of the whole window and of each bucket between
 * `edges` (which must be UTC midnights), from `dora_days`: a row per day,
 * never the window's deployments and commits. The medians and the 90th
 * percentile are exactly percentile_cont's: the counts per value bucket tell
 * which bucket holds each wanted rank, and only the values of those buckets
 * are read (through `dora_commits_lead_time_bucket_idx` and
 * `dora_deployments_recovery_bucket_idx`). A bucket that is one day uses
 * the day's percentiles kept in its row; those computed here are kept
 * afterwards (see `keepDayPercentiles`). PostgreSQL only.
 */
export async function everybodyByDay(
  db: Knex,
  edges: readonly number[],
): Promise<{ total: DoraAggregate; buckets: DoraAggregate[] }> {
  const from = edges[0];
  const to = edges[edges.length - 1];
  const { figures, computed } = await db.transaction(
    async tx => {
      const days = rowsOf<DayRow>(await daysOf(tx, [from, to]));
      // Range 0 is the window, range i + 1 the bucket i.
      const ranges: RangeCounts[] = edges.map(() => ({
        deployments: 0,
        commits: 0,
        rework: 0,
        failed: 0,
        openFailures: 0,
        leadTimes: [],
        recoveries: [],
      }));
      // A range that is one UTC day with a row: that row, whose kept
      // percentiles stand for reading values.
      const byDay = new Map(days.map(row => [Number(row.day), row]));
      const dayOf = (index: number) =>
        index > 0 && edges[index] - edges[index - 1] === DAY
          ? byDay.get(edges[index - 1])
          : undefined;
      for (const row of days) {
        const series = bucketOf(edges, Number(row.day)) + 1;
        // Taken apart once, added to the window and to the day's bucket,
        // unless that bucket is the day and kept its percentiles.
        const leadTimes = countsOf(row.lead_time_buckets);
        const recoveries = countsOf(row.recovery_buckets);
        const keptDay = dayOf(series);
        for (const [index, range] of [ranges[0], ranges[series]].entries()) {
          range.deployments += row.deployments;
          range.commits += row.commits;
          range.rework += row.rework;
          range.failed += row.failed;
          range.openFailures += row.open_failures;
          if (index === 0 || !leadTimesKept(keptDay)) {
            addInto(range.leadTimes, leadTimes);
          }
          if (index === 0 || !recoveryKept(keptDay)) {
            addInto(range.recoveries, recoveries);
          }
        }
      }

      // Each percentile wanted: the two ranks it interpolates between.
      const reads = new Map<string, BucketRead>();
      const wanted = (
        kind: Kind,
        range: number,
        counts: number[],
        p: number,
      ) => {
        const n = total(counts);
        if (n === 0) {
          return undefined;
        }
        const { position, lower, upper } = ranksOf(p, n);
        const at = (rank: number) => {
          const { bucket, index } = locate(counts, rank);
          const key = `${kind}:${range}:${bucket}`;
          const read = reads.get(key);
          if (read) {
            read.first = Math.min(read.first, index);
            read.last = Math.max(read.last, index);
          } else {
            reads.set(key, { kind, range, bucket, first: index, last: index });
          }
          return { key, index };
        };
        return { n, position, lower, low: at(lower), high: at(upper) };
      };
      const percentiles = ranges.map((range, index) => {
        const day = dayOf(index);
        return {
          day,
          leadTimeCommits: range.commits,
          leadTime: leadTimesKept(day)
            ? [{ kept: day!.lead_time_median! }, { kept: day!.lead_time_p90! }]
            : [MEDIAN, P90].map(p =>
                wanted('lead_time', index, range.leadTimes, p),
              ),
          recovery: recoveryKept(day)
            ? { kept: day!.recovery_median! }
            : wanted('recovery', index, range.recoveries, MEDIAN),
        };
      });

      const values = await readBuckets(tx, edges, [...reads.values()]);
      const valueAt = (at: { key: string; index: number }) => {
        const read = reads.get(at.key)!;
        const found = values.get(read)?.[at.index - read.first];
        if (found === undefined) {
          throw new Error('The counts per day and the values disagree');
        }
        return found;
      };
      // As percentile_cont (and percentileCont) interpolate.
      const interpolate = (
        rank: ReturnType<typeof wanted> | { kept: number },
      ) => {
        if (!rank) {
          return null;
        }
        if ('kept' in rank) {
          return rank.kept;
        }
        const low = valueAt(rank.low);
        if (
          rank.low.key === rank.high.key &&
          rank.low.index === rank.high.index
        ) {
          return low;
        }
        return low + (rank.position - rank.lower) * (valueAt(rank.high) - low);
      };

      const aggregates = ranges.map((range, index): DoraAggregate => {
        const { leadTime, recovery, leadTimeCommits } = percentiles[index];
        return {
          deployments: range.deployments,
          reworkDeployments: range.rework,
          failedDeployments: range.failed,
          openFailures: range.openFailures,
          recoveryMedianMs: interpolate(recovery),
          leadTimeCommits,
          leadTimeMedianMs: interpolate(leadTime[0]),
          leadTimeP90Ms: interpolate(leadTime[1]),
        };
      });
      // The days whose percentiles were computed from values, to keep.
      const computedDays: DayPercentiles[] = [];
      percentiles.forEach(({ day, leadTime, recovery }, index) => {
        const computedLeadTimes = leadTime[0] && !('kept' in leadTime[0]);
        const computedRecovery = recovery && !('kept' in recovery);
        if (day && (computedLeadTimes || computedRecovery)) {
          const { leadTimeMedianMs, leadTimeP90Ms, recoveryMedianMs } =
            aggregates[index];
          computedDays.push({
            day: Number(day.day),
            version: day.version,
            leadTimeMedianMs: computedLeadTimes ? leadTimeMedianMs : null,
            leadTimeP90Ms: computedLeadTimes ? leadTimeP90Ms : null,
            recoveryMedianMs: computedRecovery ? recoveryMedianMs : null,
          });
        }
      });
      return {
        figures: { total: aggregates[0], buckets: aggregates.slice(1) },
        computed: computedDays,
      };
    },
    // The counts and the values read from one snapshot.
    { isolationLevel: 'repeatable read', readOnly: true },
  );
  await keepDayPercentiles(db, computed);
  return figures;
}
