import { Knex } from 'knex';
import { preparedStatement } from '../preparedStatement';
import { rowsOf } from './doraStatements';

/** Which values: lead times (of commits) or recovery times (of deployments). */
export type Kind = 'lead_time' | 'recovery';

// Values read from one value bucket of one range: its sorted values from
// index `first` to `last`.
export interface BucketRead {
  kind: Kind;
  range: number;
  bucket: number;
  first: number;
  last: number;
}

// The sorted values of one value bucket in a range, from index first to
// last (1-based), for each read.
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

const readValues = preparedStatement(
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
);

const planIndexScans = preparedStatement(
  `SELECT set_config('enable_seqscan', 'off', true),
     set_config('max_parallel_workers_per_gather', '0', true)`,
);

/**
 * The wanted stretch of sorted values of each read, each one range scan of
 * a bucket index (`dora_commits_lead_time_bucket_idx`,
 * `dora_deployments_recovery_bucket_idx`), in the caller's snapshot.
 */
export async function readBuckets(
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
  // One index range scan per read, in this process (a parallel plan costs
  // more to start than the reads take).
  await planIndexScans(tx);
  const result = rowsOf<{ read: number; values: string[] }>(
    await readValues(tx, [...bindings('lead_time'), ...bindings('recovery')]),
  );
  for (const row of result) {
    values.set(reads[row.read], row.values.map(Number));
  }
  return values;
}
