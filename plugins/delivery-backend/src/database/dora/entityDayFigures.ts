import { Knex } from 'knex';
import { rowsOf } from './doraStatements';

const DAY = 86_400_000;
const MEDIAN = 0.5;
const P90 = 0.9;

/** One entity's DORA figures of one UTC day. */
export interface EntityDay {
  day: number;
  /** The version of the day in `dora_days` these figures are of. */
  version: string;
  deployments: number;
  rework: number;
  failed: number;
  openFailures: number;
  commits: number;
  leadTimeMedianMs: number | null;
  leadTimeP90Ms: number | null;
  recoveryMedianMs: number | null;
  /** The day's values, ascending. */
  leadTimes: number[];
  recoveries: number[];
}

type Count = number | string;

/**
 * percentile_cont(p) of values sorted ascending, with PostgreSQL's
 * arithmetic; null for none.
 */
export function percentileOfSorted(
  sorted: ArrayLike<number>,
  p: number,
): number | null {
  if (sorted.length === 0) {
    return null;
  }
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower];
  return upper === lower
    ? low
    : low + (position - lower) * (sorted[upper] - low);
}

/** Numbers written comma-separated, as numbers. */
export const numbersOf = (list: string | null): number[] =>
  list ? list.split(',').map(Number) : [];

interface ValueRow {
  day: Count;
  values: string | null;
}

/** The entity's figures of these days, from its deployments and commits. */
export async function computeEntityDays(
  tx: Knex.Transaction,
  entityRef: string,
  days: Array<{ day: number; version: string }>,
): Promise<Map<number, EntityDay>> {
  // Each day's rows through the entity's index: one range scan per day.
  const dayList = days.map(({ day }) => day);
  const deployments = rowsOf<
    ValueRow & {
      deployments: Count;
      rework: Count;
      failed: Count;
      open_failures: Count;
    }
  >(
    await tx.raw(
      `SELECT x.day, count(*) AS deployments,
         sum(CASE WHEN d.trigger IN ('rollback', 'hotfix') THEN 1 ELSE 0 END) AS rework,
         sum(d.failed) AS failed,
         sum(CASE WHEN d.failed = 1 AND d.recovered_at IS NULL THEN 1 ELSE 0 END) AS open_failures,
         array_to_string(array_agg(d.recovered_at - d.finished_at
           ORDER BY d.recovered_at - d.finished_at)
           FILTER (WHERE d.recovered_at IS NOT NULL), ',') AS values
       FROM unnest(?::bigint[]) AS x(day)
       JOIN dora_deployments d ON d.entity_ref = ?
         AND d.finished_at >= x.day AND d.finished_at < x.day + ${DAY}
       GROUP BY x.day`,
      [dayList, entityRef],
    ),
  );
  const commits = rowsOf<ValueRow>(
    await tx.raw(
      `SELECT x.day, array_to_string(array_agg(c.first_finished_at - c.committed_at
           ORDER BY c.first_finished_at - c.committed_at), ',') AS values
       FROM unnest(?::bigint[]) AS x(day)
       JOIN dora_commits c ON c.entity_ref = ?
         AND c.first_finished_at >= x.day AND c.first_finished_at < x.day + ${DAY}
         AND c.committed_at IS NOT NULL
       GROUP BY x.day`,
      [dayList, entityRef],
    ),
  );
  const deploymentsOf = new Map(deployments.map(row => [Number(row.day), row]));
  const leadTimesOf = new Map(
    commits.map(row => [Number(row.day), numbersOf(row.values)]),
  );
  const computed = new Map<number, EntityDay>();
  for (const { day, version } of days) {
    const counts = deploymentsOf.get(day);
    const leadTimes = leadTimesOf.get(day) ?? [];
    const recoveries = numbersOf(counts?.values ?? null);
    computed.set(day, {
      day,
      version,
      deployments: Number(counts?.deployments ?? 0),
      rework: Number(counts?.rework ?? 0),
      failed: Number(counts?.failed ?? 0),
      openFailures: Number(counts?.open_failures ?? 0),
      commits: leadTimes.length,
      leadTimeMedianMs: percentileOfSorted(leadTimes, MEDIAN),
      leadTimeP90Ms: percentileOfSorted(leadTimes, P90),
      recoveryMedianMs: percentileOfSorted(recoveries, MEDIAN),
      leadTimes,
      recoveries,
    });
  }
  return computed;
}
