import { Knex } from 'knex';
import { preparedStatement } from '../preparedStatement';
import { rowsOf } from './doraStatements';
import { EntityDay, computeEntityDays, numbersOf } from './entityDayFigures';

// The columns of a kept day, in the order `keptDays` writes them.
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

// A day of the window: its day and version in `dora_days`, then what is
// kept for the entity (nothing, if no row is kept for it).
interface DayRow {
  day: number;
  version: string;
  keptVersion: string;
  kept: string[];
}

// The window's days, with the entity's figures kept for each: one row per
// day anybody deployed or committed on (a day without a row in `dora_days`
// has nothing of the entity either). Each row is one text, the fields
// separated by '|' (none holds one): the driver takes a text field apart
// per column, and one field per row made this read a quarter quicker.
const keptDays = preparedStatement(`
  SELECT concat_ws('|', d.day, d.version, ${['f.version', ...KEPT_COLUMNS]
    .map(column => `coalesce(${column}::text, '')`)
    .join(', ')}) AS day
  FROM dora_days d
  LEFT JOIN dora_entity_day_figures f ON f.entity_ref = ? AND f.day = d.day
  WHERE d.day >= ? AND d.day < ?`);

async function readDays(
  db: Knex,
  bindings: Knex.RawBinding[],
): Promise<DayRow[]> {
  return rowsOf<{ day: string }>(await keptDays(db, bindings)).map(row => {
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
