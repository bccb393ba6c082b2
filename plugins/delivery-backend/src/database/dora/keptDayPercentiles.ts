import { Knex } from 'knex';

/** A day's percentiles, computed from its row at `version` (its xmin). */
export interface DayPercentiles {
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
export async function keepDayPercentiles(db: Knex, days: DayPercentiles[]) {
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
