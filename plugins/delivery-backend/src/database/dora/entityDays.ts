import { Knex } from 'knex';
import { rowsOf } from './doraStatements';

const DAY = 86_400_000;
const MEDIAN = 0.5;
const P90 = 0.9;

/** One entity's DORA figures of one UTC day. */
export interface EntityDay {
  day: number;
  /** The xmin of the day's `dora_days` row these figures are of. */
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

// The columns of a kept day, in the order KEPT_DAYS writes them.
const KEPT_COLUMNS = [
  'f.deployments',
  'f.rework',
  'f.failed',
  'f.open_failures',
  'f.commits',
  'f.lead_time_median',
  'f.lead_time_p90',
  'f.recovery_median',
  'f.lead_times',
  'f.recoveries',
];

// A day of the window: its `dora_days` row's day and version, then what is
// kept for the entity (nothing, if no row is kept for it).
interface DayRow {
  day: number;
  version: string;
  keptVersion: string;
  kept: string[];
}

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
const numbersOf = (list: string | null): number[] =>
  list ? list.split(',').map(Number) : [];

// The window's days, with the entity's figures kept for each: one row per
// day anybody deployed or committed on (a day without a row in `dora_days`
// has nothing of the entity either). Each row is one text, the fields
// separated by '|' (none holds one): the driver takes a text field apart
// per column, and one field per row made this read a quarter quicker.
const KEPT_DAYS = `
  SELECT concat_ws('|', d.day, d.xmin, ${['f.version', ...KEPT_COLUMNS]
    .map(column => `coalesce(${column}::text, '')`)
    .join(', ')}) AS day
  FROM dora_days d
  LEFT JOIN dora_entity_day_figures f ON f.entity_ref = ? AND f.day = d.day
  WHERE d.day >= ? AND d.day < ?`;

async function readDays(
  db: Knex,
  bindings: Knex.RawBinding[],
): Promise<DayRow[]> {
  return rowsOf<{ day: string }>(await db.raw(KEPT_DAYS, bindings)).map(row => {
    const [day, version, keptVersion, ...kept] = row.day.split('|');
    return { day: Number(day), version, keptVersion, kept };
  });
}

const isKept = (row: DayRow) => row.keptVersion === row.version;

const numberOrNull = (text: string) => (text === '' ? null : Number(text));

function keptDay({ day, version, kept }: DayRow): EntityDay {
  const [
    deployments,
    rework,
    failed,
    openFailures,
    commits,
    leadTimeMedianMs,
    leadTimeP90Ms,
    recoveryMedianMs,
    leadTimes,
    recoveries,
  ] = kept;
  return {
    day,
    version,
    deployments: Number(deployments),
    rework: Number(rework),
    failed: Number(failed),
    openFailures: Number(openFailures),
    commits: Number(commits),
    leadTimeMedianMs: numberOrNull(leadTimeMedianMs),
    leadTimeP90Ms: numberOrNull(leadTimeP90Ms),
    recoveryMedianMs: numberOrNull(recoveryMedianMs),
    leadTimes: numbersOf(leadTimes),
    recoveries: numbersOf(recoveries),
  };
}

/**
 * The entity's figures of each UTC day in `[from, to)`, all from one
 * snapshot: as kept, when every day's are kept for its current version (one
 * statement); otherwise in one transaction, the days whose figures are not
 * kept for their current version computed from the entity's deployments and
 * commits of the day. Those are `computed`, for {@link keepEntityDays}.
 */
export async function readEntityDays(
  db: Knex,
  entityRef: string,
  from: number,
  to: number,
): Promise<{ days: EntityDay[]; computed: EntityDay[] }> {
  const bindings = [entityRef, from, to];
  const rows = await readDays(db, bindings);
  if (rows.every(isKept)) {
    return { days: rows.map(keptDay), computed: [] };
  }
  return db.transaction(
    async tx => {
      const again = await readDays(tx, bindings);
      const computed = await computeEntityDays(
        tx,
        entityRef,
        again
          .filter(row => !isKept(row))
          .map(({ day, version }) => ({ day, version })),
      );
      return {
        days: again.map(row => computed.get(row.day) ?? keptDay(row)),
        computed: [...computed.values()],
      };
    },
    { isolationLevel: 'repeatable read', readOnly: true },
  );
}

interface ValueRow {
  day: Count;
  values: string | null;
}

/** The entity's figures of these days, from its deployments and commits. */
async function computeEntityDays(
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

/**
 * Keeps the days a read computed, each only if its `dora_days` row is still
 * the version they were computed from. Best effort: a day not kept is
 * computed again next time.
 */
export async function keepEntityDays(
  db: Knex,
  entityRef: string,
  computed: EntityDay[],
): Promise<void> {
  if (computed.length === 0) {
    return;
  }
  // In the order of the key, so that two reads keeping the same days
  // never wait on each other in a circle.
  const days = [...computed].sort((a, b) => a.day - b.day);
  // Arrays with nulls, which pg sends as arrays and knex's types leave out.
  const column = (value: (day: EntityDay) => number | string | null) =>
    days.map(value) as unknown as Knex.Value;
  try {
    await db.raw(
      `INSERT INTO dora_entity_day_figures AS f (entity_ref, day, version,
         deployments, rework, failed, open_failures, commits,
         lead_time_median, lead_time_p90, recovery_median, lead_times, recoveries)
       SELECT ?, v.day, v.version, v.deployments, v.rework, v.failed,
         v.open_failures, v.commits, v.lead_time_median, v.lead_time_p90,
         v.recovery_median, v.lead_times, v.recoveries
       FROM unnest(?::bigint[], ?::text[], ?::int[], ?::int[], ?::int[], ?::int[],
         ?::int[], ?::float8[], ?::float8[], ?::float8[], ?::text[], ?::text[])
         AS v(day, version, deployments, rework, failed, open_failures, commits,
           lead_time_median, lead_time_p90, recovery_median, lead_times, recoveries)
       -- Only figures of the day as it still is.
       JOIN dora_days d ON d.day = v.day AND d.xmin::text = v.version
       ORDER BY v.day
       ON CONFLICT (entity_ref, day) DO UPDATE SET
         version = excluded.version, deployments = excluded.deployments,
         rework = excluded.rework, failed = excluded.failed,
         open_failures = excluded.open_failures, commits = excluded.commits,
         lead_time_median = excluded.lead_time_median,
         lead_time_p90 = excluded.lead_time_p90,
         recovery_median = excluded.recovery_median,
         lead_times = excluded.lead_times, recoveries = excluded.recoveries`,
      [
        entityRef,
        column(day => day.day),
        column(day => day.version),
        column(day => day.deployments),
        column(day => day.rework),
        column(day => day.failed),
        column(day => day.openFailures),
        column(day => day.commits),
        column(day => day.leadTimeMedianMs),
        column(day => day.leadTimeP90Ms),
        column(day => day.recoveryMedianMs),
        column(day => day.leadTimes.join(',')),
        column(day => day.recoveries.join(',')),
      ],
    );
  } catch {
    // Only a later read's shortcut is lost; this read's figures stand.
  }
}
