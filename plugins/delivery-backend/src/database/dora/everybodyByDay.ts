import { Knex } from 'knex';
import { bucketOf } from './aggregateRows';
import { rowsOf } from './doraStatements';
import { DoraAggregate } from './DoraStore';

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
  rework: number;
  failed: number;
  openFailures: number;
  leadTimes: number[];
  recoveries: number[];
}

type Kind = 'lead_time' | 'recovery';

// Values read from one value bucket of one range: its sorted values from
// index `first` to `last`.
interface BucketRead {
  kind: Kind;
  range: number;
  bucket: number;
  first: number;
  last: number;
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
 * `dora_deployments_recovery_bucket_idx`). PostgreSQL only.
 */
export async function everybodyByDay(
  db: Knex,
  edges: readonly number[],
): Promise<{ total: DoraAggregate; buckets: DoraAggregate[] }> {
  const from = edges[0];
  const to = edges[edges.length - 1];
  const { figures, computed } = await db.transaction(
    async tx => {
      const days = rowsOf<DayRow>(
        await tx.raw(
          `SELECT day, deployments, rework, failed, open_failures, commits,
             -- Plain text: much quicker to take apart than an array.
             array_to_string(lead_time_buckets[1:], ',', '') AS lead_time_buckets,
             array_to_string(recovery_buckets[1:], ',', '') AS recovery_buckets,
             lead_time_median, lead_time_p90, recovery_median,
             xmin::text AS version
           FROM dora_days WHERE day >= ? AND day < ?`,
          [from, to],
        ),
      );
      // Range 0 is the window, range i + 1 the bucket i.
      const ranges: RangeCounts[] = edges.map(() => ({
        deployments: 0,
        rework: 0,
        failed: 0,
        openFailures: 0,
        leadTimes: [],
        recoveries: [],
      }));
      for (const row of days) {
        const series = bucketOf(edges, Number(row.day));
        // Taken apart once, added to the window and to the day's bucket.
        const leadTimes = countsOf(row.lead_time_buckets);
        const recoveries = countsOf(row.recovery_buckets);
        for (const range of [ranges[0], ranges[series + 1]]) {
          range.deployments += row.deployments;
          range.rework += row.rework;
          range.failed += row.failed;
          range.openFailures += row.open_failures;
          addInto(range.leadTimes, leadTimes);
          addInto(range.recoveries, recoveries);
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
      // A range that is one UTC day with a row: that row, whose kept
      // percentiles stand for reading values.
      const byDay = new Map(days.map(row => [Number(row.day), row]));
      const dayOf = (index: number) =>
        index > 0 && edges[index] - edges[index - 1] === DAY
          ? byDay.get(edges[index - 1])
          : undefined;
      const percentiles = ranges.map((range, index) => {
        const day = dayOf(index);
        const leadTimesKept =
          day?.lead_time_median !== null &&
          day?.lead_time_median !== undefined &&
          day.lead_time_p90 !== null;
        const recoveryKept =
          day?.recovery_median !== null && day?.recovery_median !== undefined;
        return {
          day,
          leadTimeCommits: total(range.leadTimes),
          leadTime: leadTimesKept
            ? [{ kept: day.lead_time_median! }, { kept: day.lead_time_p90! }]
            : [MEDIAN, P90].map(p =>
                wanted('lead_time', index, range.leadTimes, p),
              ),
          recovery: recoveryKept
            ? { kept: day.recovery_median! }
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

interface DayPercentiles {
  day: number;
  version: string;
  leadTimeMedianMs: number | null;
  leadTimeP90Ms: number | null;
  recoveryMedianMs: number | null;
}

/**
 * Keeps the percentiles computed for these days in `dora_days`, each only
 * if its row is still the version they were computed from: any change on a
 * day writes its row (and forgets what was kept), so a kept percentile is
 * always the day's. Rows an ingestion holds are skipped rather than waited
 * for. Best effort: a percentile not kept is computed again next time.
 */
async function keepDayPercentiles(db: Knex, days: DayPercentiles[]) {
  if (days.length === 0) {
    return;
  }
  // Arrays with nulls, which pg sends as arrays and knex's types leave out.
  const column = (value: (day: DayPercentiles) => number | string | null) =>
    days.map(value) as unknown as Knex.Value;
  const bindings = [
    column(day => day.day),
    column(day => day.version),
    column(day => day.leadTimeMedianMs),
    column(day => day.leadTimeP90Ms),
    column(day => day.recoveryMedianMs),
    column(day => day.day),
  ];
  try {
    await db.raw(
      `UPDATE dora_days d SET
         lead_time_median = coalesce(v.lead_time_median, d.lead_time_median),
         lead_time_p90 = coalesce(v.lead_time_p90, d.lead_time_p90),
         recovery_median = coalesce(v.recovery_median, d.recovery_median)
       FROM unnest(?::bigint[], ?::text[], ?::float8[], ?::float8[], ?::float8[])
         AS v(day, version, lead_time_median, lead_time_p90, recovery_median)
       WHERE d.day = v.day AND d.xmin::text = v.version
         AND d.day IN (
           SELECT l.day FROM dora_days l WHERE l.day = ANY(?::bigint[])
           FOR UPDATE SKIP LOCKED
         )`,
      bindings,
    );
  } catch {
    // Only a later read's shortcut is lost; this read's figures stand.
  }
}

// The wanted stretch of sorted values of each read: each read is one range
// scan of a bucket index.
async function readBuckets(
  tx: Knex.Transaction,
  edges: readonly number[],
  reads: BucketRead[],
): Promise<Map<BucketRead, number[]>> {
  const values = new Map<BucketRead, number[]>();
  if (reads.length === 0) {
    return values;
  }
  const from = edges[0];
  const to = edges[edges.length - 1];
  const rangeEdges = (range: number) =>
    range === 0 ? [from, to] : [edges[range - 1], edges[range]];
  const bindings = (kind: Kind) => {
    const ofKind = reads.filter(read => read.kind === kind);
    return [
      ofKind.map(read => reads.indexOf(read)),
      ofKind.map(read => read.bucket),
      ofKind.map(read => rangeEdges(read.range)[0]),
      ofKind.map(read => rangeEdges(read.range)[1]),
      ofKind.map(read => read.first + 1),
      ofKind.map(read => read.last + 1),
    ];
  };
  const reading = (
    value: string,
    table: string,
    at: string,
    known: string,
  ) => `SELECT r.read, x.values
    FROM unnest(?::int[], ?::int[], ?::bigint[], ?::bigint[], ?::int[], ?::int[])
      AS r(read, bucket, range_from, range_to, first, last)
    CROSS JOIN LATERAL (
      SELECT (array_agg(${value} ORDER BY ${value}))[r.first:r.last] AS values
      FROM ${table}
      WHERE dora_lead_time_bucket(${value}) = r.bucket
        AND ${at} >= r.range_from AND ${at} < r.range_to AND ${known} IS NOT NULL
    ) x`;
  // One index range scan per read, in this process (a parallel plan costs
  // more to start than the reads take).
  await tx.raw(
    `SELECT set_config('enable_seqscan', 'off', true),
       set_config('max_parallel_workers_per_gather', '0', true)`,
  );
  const result = rowsOf<{ read: number; values: string[] }>(
    await tx.raw(
      `${reading(
        'c.first_finished_at - c.committed_at',
        'dora_commits c',
        'c.first_finished_at',
        'c.committed_at',
      )}
      UNION ALL
      ${reading(
        'd.recovered_at - d.finished_at',
        'dora_deployments d',
        'd.finished_at',
        'd.recovered_at',
      )}`,
      [...bindings('lead_time'), ...bindings('recovery')],
    ),
  );
  for (const row of result) {
    values.set(reads[row.read], row.values.map(Number));
  }
  return values;
}
