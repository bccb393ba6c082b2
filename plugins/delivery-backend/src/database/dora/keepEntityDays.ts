import { Knex } from 'knex';
import { EntityDay } from './entityDayFigures';

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
       FROM unnest(?::bigint[], ?::bigint[], ?::int[], ?::int[], ?::int[], ?::int[],
         ?::int[], ?::float8[], ?::float8[], ?::float8[], ?::text[], ?::text[])
         AS v(day, version, deployments, rework, failed, open_failures, commits,
           lead_time_median, lead_time_p90, recovery_median, lead_times, recoveries)
       -- Only figures of the day as it still is.
       JOIN dora_days d ON d.day = v.day AND d.version = v.version
       ORDER BY v.day
       ON CONFLICT (entity_ref, day) DO UPDATE SET
         version = excluded.version, deployments = excluded.deployments,
         rework = excluded.rework, failed = excluded.failed,
         open_failures = excluded.open_failures, commits = excluded.commits,
         lead_time_median = excluded.lead_time_median,
         lead_time_p90 = excluded.lead_time_p90,
         recovery_median = excluded.recovery_median,
         lead_times = excluded.lead_times, recoveries = excluded.recoveries
       -- Another read may have kept the same version meanwhile.
       WHERE f.version <> excluded.version`,
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
