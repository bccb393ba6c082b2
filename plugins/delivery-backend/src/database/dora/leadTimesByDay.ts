import { Knex } from 'knex';
import { bucketOf } from './aggregateRows';
import { rowsOf } from './doraStatements';

const DAY = 86_400_000;
const MEDIAN = 0.5;
const P90 = 0.9;

/** The lead-time figures of a window or bucket: as percentile_cont gives them. */
export interface LeadTimeFigures {
  commits: number;
  median: number | null;
  p90: number | null;
}

/**
 * Whether every edge is a UTC midnight, so that the counts per UTC day in
 * `dora_lead_time_days` cover the window and each bucket exactly.
 */
export function coversWholeUtcDays(edges: readonly number[]): boolean {
  return edges.every(edge => edge % DAY === 0);
}

// A rank wanted in a range: where its value bucket starts among the range's
// sorted lead times.
interface BucketRead {
  range: number;
  bucket: number;
  /** How many of the range's lead times lie in lower buckets. */
  below: number;
}

// The ranks percentile_cont(p) interpolates between, 0-based, of n values.
function ranksOf(p: number, n: number): [number, number, number] {
  const position = p * (n - 1);
  return [position, Math.floor(position), Math.ceil(position)];
}

/**
 * The lead-time count, median and p90 (percentile_cont, exactly) of the
 * whole window (first) and of each bucket between `edges` (which must be UTC
 * midnights), over every entity, without sorting the window: the counts per
 * day and value bucket tell which value bucket holds each wanted rank, and
 * only the lead times of those buckets are read (through
 * `dora_commits_lead_time_bucket_idx`). PostgreSQL only.
 */
export async function leadTimesByDay(
  db: Knex,
  edges: readonly number[],
): Promise<LeadTimeFigures[]> {
  const from = edges[0];
  const to = edges[edges.length - 1];
  return db.transaction(
    async tx => {
      const counted = rowsOf<{
        day: string | number;
        bucket: number;
        commits: number;
      }>(
        await tx.raw(
          `SELECT day, bucket, commits FROM dora_lead_time_days
           WHERE day >= ? AND day < ? AND commits <> 0`,
          [from, to],
        ),
      );
      // Range 0 is the window, range i + 1 the bucket i; per value bucket.
      const counts = edges.map(() => new Map<number, number>());
      for (const row of counted) {
        const series = bucketOf(edges, Number(row.day));
        for (const range of [0, series + 1]) {
          const map = counts[range];
          map.set(row.bucket, (map.get(row.bucket) ?? 0) + row.commits);
        }
      }

      const reads = new Map<string, BucketRead>();
      const totals = counts.map(map =>
        [...map.values()].reduce((a, b) => a + b, 0),
      );
      // Where each wanted rank lies: its range's bucket, and what lies below.
      const located = counts.map((map, range) => {
        const buckets = [...map.keys()].sort((a, b) => a - b);
        const locate = (rank: number) => {
          let below = 0;
          for (const bucket of buckets) {
            const count = map.get(bucket)!;
            if (rank < below + count) {
              const key = `${range}:${bucket}`;
              reads.set(key, { range, bucket, below });
              return { key, index: rank - below };
            }
            below += count;
          }
          throw new Error(`rank ${rank} beyond ${below} lead times`);
        };
        const n = totals[range];
        return [MEDIAN, P90].map(p => {
          if (n === 0) {
            return undefined;
          }
          const [position, lower, upper] = ranksOf(p, n);
          return { position, lower, low: locate(lower), high: locate(upper) };
        });
      });

      const wanted = [...reads.entries()];
      const values = new Map<string, number[]>();
      if (wanted.length > 0) {
        const rangeEdges = (range: number) =>
          range === 0 ? [from, to] : [edges[range - 1], edges[range]];
        // Each read is one range scan of the bucket index.
        await tx.raw(
          `SELECT set_config('enable_seqscan', 'off', true),
             set_config('enable_hashjoin', 'off', true),
             set_config('enable_mergejoin', 'off', true)`,
        );
        const result = rowsOf<{ read: number; lead_times: string[] }>(
          await tx.raw(
            `SELECT r.read, array_agg(c.first_finished_at - c.committed_at
                ORDER BY c.first_finished_at - c.committed_at) AS lead_times
             FROM unnest(?::int[], ?::int[], ?::bigint[], ?::bigint[])
               AS r(read, bucket, range_from, range_to)
             JOIN dora_commits c
               ON dora_lead_time_bucket(c.first_finished_at - c.committed_at) = r.bucket
               AND c.first_finished_at >= r.range_from
               AND c.first_finished_at < r.range_to
               AND c.committed_at IS NOT NULL
             GROUP BY r.read`,
            [
              wanted.map((_, i) => i),
              wanted.map(([, read]) => read.bucket),
              wanted.map(([, read]) => rangeEdges(read.range)[0]),
              wanted.map(([, read]) => rangeEdges(read.range)[1]),
            ],
          ),
        );
        for (const row of result) {
          values.set(wanted[row.read][0], row.lead_times.map(Number));
        }
      }

      const valueAt = (at: { key: string; index: number }) => {
        const found = values.get(at.key)?.[at.index];
        if (found === undefined) {
          throw new Error('The lead-time counts and the lead times disagree');
        }
        return found;
      };
      return located.map((percentiles, range) => {
        const [median, p90] = percentiles.map(wantedRank => {
          if (!wantedRank) {
            return null;
          }
          const low = valueAt(wantedRank.low);
          if (
            wantedRank.low.key === wantedRank.high.key &&
            wantedRank.low.index === wantedRank.high.index
          ) {
            return low;
          }
          // As percentile_cont (and percentileCont) interpolate.
          return (
            low +
            (wantedRank.position - wantedRank.lower) *
              (valueAt(wantedRank.high) - low)
          );
        });
        return { commits: totals[range], median, p90 };
      });
    },
    // The counts and the lead times read from one snapshot.
    { isolationLevel: 'repeatable read', readOnly: true },
  );
}
