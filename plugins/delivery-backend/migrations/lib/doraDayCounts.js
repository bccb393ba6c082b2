// @ts-check

// The statements that keep DORA's counts per UTC day in step with
// `dora_deployments` and `dora_commits`, for the migrations that create or
// change them (knex reads only the migration files beside this folder).
//
// `dora_days`, one row per UTC day over every entity: counts, and how many
// lead times and recovery times fall in each value bucket.
//
// Per entity, what rating a roll-up's member on its own needs: deployments,
// failures, recoveries and lead times, the last two also counted below each
// boundary of DORA's tiers. Kept either per day (`dora_entity_days`, a
// window adds up its rows) or as running totals (`dora_entity_totals`, a
// window is the difference of two rows).

const DAY = 86_400_000;
const HOUR = 3_600_000;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;

const REWORK = `('rollback', 'hotfix')`;
const LEAD_TIME = '(r.first_finished_at - r.committed_at)';
const RECOVERY = '(r.recovered_at - r.finished_at)';

/** @type {(expression: string, ms: number) => string} */
const below = (expression, ms) =>
  `CASE WHEN ${expression} < ${ms} THEN 1 ELSE 0 END`;

// The counted columns of each table: [column, expression over a changed row r].
/** @type {Array<[string, string]>} */
const DEPLOYMENT_DAY = [
  ['deployments', '1'],
  ['rework', `CASE WHEN r.trigger IN ${REWORK} THEN 1 ELSE 0 END`],
  ['failed', 'r.failed'],
  [
    'open_failures',
    'CASE WHEN r.failed = 1 AND r.recovered_at IS NULL THEN 1 ELSE 0 END',
  ],
  ['recovered', 'CASE WHEN r.recovered_at IS NOT NULL THEN 1 ELSE 0 END'],
];
/** @type {Array<[string, string]>} */
const DEPLOYMENT_ENTITY_DAY = [
  ['deployments', '1'],
  ['failed', 'r.failed'],
  ['recovered', 'CASE WHEN r.recovered_at IS NOT NULL THEN 1 ELSE 0 END'],
  ['recovered_under_hour', below(RECOVERY, HOUR)],
  ['recovered_under_day', below(RECOVERY, DAY)],
  ['recovered_under_week', below(RECOVERY, WEEK)],
];
/** @type {Array<[string, string]>} */
const COMMIT_DAY = [['commits', '1']];
/** @type {Array<[string, string]>} */
const COMMIT_ENTITY_DAY = [
  ['commits', '1'],
  ['commits_under_day', below(LEAD_TIME, DAY)],
  ['commits_under_week', below(LEAD_TIME, WEEK)],
  ['commits_under_month', below(LEAD_TIME, MONTH)],
];

/** Every column counted per entity, in the tables' order. */
const ENTITY_COLUMNS = [...DEPLOYMENT_ENTITY_DAY, ...COMMIT_ENTITY_DAY].map(
  ([name]) => name,
);

/** @type {Array<['insert' | 'update' | 'delete', number[], string]>} */
const OPERATIONS = [
  ['insert', [1], 'NEW TABLE AS new_rows'],
  ['update', [1, -1], 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['delete', [-1], 'OLD TABLE AS old_rows'],
];

/**
 * The rows of `rows`, signed: each count times `sign`, with the entity, the
 * UTC day of `at` and the value bucket of `value` (null where it is).
 * @param {string} rows
 * @param {number} sign
 * @param {{ at: string, value: string, where: string, counts: Array<[string, string]> }} kind
 */
const signed = (rows, sign, { at, value, where, counts }) => `
  SELECT r.entity_ref, r.${at} - r.${at} % ${DAY} AS day,
    dora_lead_time_bucket(${value}) AS bucket,
    ${counts.map(([name, expr]) => `${sign} * ${expr} AS ${name}`).join(', ')}
  FROM ${rows} r WHERE ${where}`;

const DEPLOYMENTS = {
  table: 'dora_deployments',
  prefix: 'dora_days_deployments',
  at: 'finished_at',
  value: RECOVERY,
  where: 'true',
  day: DEPLOYMENT_DAY,
  entityDay: DEPLOYMENT_ENTITY_DAY,
  buckets: 'recovery_buckets',
  // Only recovered deployments have a recovery time to put in a bucket.
  bucketed: 'recovered',
  /** The day's percentiles of these values, kept once read. */
  percentiles: ['recovery_median'],
};
const COMMITS = {
  table: 'dora_commits',
  prefix: 'dora_days_commits',
  at: 'first_finished_at',
  value: LEAD_TIME,
  where: 'r.committed_at IS NOT NULL',
  day: COMMIT_DAY,
  entityDay: COMMIT_ENTITY_DAY,
  buckets: 'lead_time_buckets',
  bucketed: 'commits',
  percentiles: ['lead_time_median', 'lead_time_p90'],
};
const KINDS = [DEPLOYMENTS, COMMITS];

/**
 * Every column either table counts, once.
 * @param {typeof DEPLOYMENTS} kind
 * @returns {Array<[string, string]>}
 */
const countsOf = kind =>
  [...kind.day, ...kind.entityDay].filter(
    ([name], i, all) => all.findIndex(([other]) => other === name) === i,
  );

/** @param {string[]} names */
const sums = names => names.map(name => `sum(${name}) AS ${name}`).join(', ');
/** @type {(names: string[], of?: string) => string} */
const nonZero = (names, of = '') =>
  names.map(name => `${of}${name} <> 0`).join(' OR ');
/** @param {string[]} names */
const add = names =>
  names.map(name => `${name} = t.${name} + excluded.${name}`).join(', ');

/**
 * The CTE that adds the changed rows' counts to `dora_entity_days`.
 * @param {string[]} names
 */
const perDay = names => `
    entity_days AS (
      INSERT INTO dora_entity_days AS t (day, entity_ref, ${names.join(', ')})
      SELECT day, entity_ref, ${sums(names)} FROM changed
      GROUP BY day, entity_ref HAVING ${nonZero(
        names.map(name => `sum(${name})`),
      )}
      ON CONFLICT (day, entity_ref) DO UPDATE SET ${add(names)}
    ),`;

/**
 * The CTEs that add the changed rows' counts to the running totals of
 * `dora_entity_totals`: each row there totals its entity's counts up to and
 * including its day. A change on day d raises the rows of d and after by
 * the statement's changes up to their day; a day without a row gets one,
 * the totals of the row before it plus those changes. Both parts read the
 * table as it was before the statement, and only one derivation writes at a
 * time (the derivation lock), so no change is counted twice or lost.
 * @param {string[]} names
 */
const runningTotals = names => `
    entity_changes AS (
      -- Whether the day has a row, by one probe of the key (a lateral
      -- join: never a hash of the whole table).
      SELECT g.*, k.known IS NOT NULL AS known
      FROM (
        -- As integers, so that their running sums are bigints, not numerics.
        SELECT entity_ref, day, ${names
          .map(name => `sum(${name})::integer AS ${name}`)
          .join(', ')}
        FROM changed GROUP BY entity_ref, day
        -- A day whose changes cancel out (a row updated in place) raises
        -- nothing.
        HAVING ${nonZero(names.map(name => `sum(${name})`))}
      ) g
      LEFT JOIN LATERAL (
        SELECT true AS known FROM dora_entity_totals x
        WHERE x.entity_ref = g.entity_ref AND x.day = g.day
      ) k ON true
    ),
    running AS MATERIALIZED (
      SELECT entity_ref, day, known, lead(day) OVER w AS next_day,
        ${names.map(name => `sum(${name}) OVER w AS ${name}`).join(', ')}
      FROM entity_changes
      WINDOW w AS (PARTITION BY entity_ref ORDER BY day)
    ),
    raised AS (
      UPDATE dora_entity_totals t SET ${names
        .map(name => `${name} = t.${name} + r.${name}`)
        .join(', ')}
      FROM running r
      -- Both bounds in the index's condition: only the rows raised are read.
      WHERE t.entity_ref = r.entity_ref AND t.day >= r.day
        AND t.day < coalesce(r.next_day, ${Number.MAX_SAFE_INTEGER})
        AND (${nonZero(names, 'r.')})
    ),
    started AS (
      INSERT INTO dora_entity_totals (entity_ref, day, ${ENTITY_COLUMNS.join(
        ', ',
      )})
      SELECT r.entity_ref, r.day, ${ENTITY_COLUMNS.map(name =>
        names.includes(name)
          ? `coalesce(p.${name}, 0) + r.${name}`
          : `coalesce(p.${name}, 0)`,
      ).join(', ')}
      FROM running r
      LEFT JOIN LATERAL (
        SELECT * FROM dora_entity_totals p
        WHERE p.entity_ref = r.entity_ref AND p.day < r.day
        ORDER BY p.day DESC LIMIT 1
      ) p ON true
      WHERE NOT r.known AND (${nonZero(names, 'r.')})
      -- Latest first: a probe for the row before a day never walks past
      -- rows this statement inserted (not visible to it), which in a
      -- rebuild made the probes of an entity's days quadratic.
      ORDER BY r.entity_ref, r.day DESC
    ),`;

/**
 * One statement adding the signed rows `changed` (a query) to `dora_days`
 * and to the entity counts, kept per day or as running totals. With
 * `dayPercentiles`, every day a changed row falls on is written, also when
 * its counts stay the same (a value may have moved within its bucket), and
 * forgets the percentiles of its values that a read kept. With
 * `dayVersions` too, each day written draws a new `version` from the
 * sequence `dora_day_versions` (an inserted row by the column's default).
 * @param {typeof DEPLOYMENTS} kind
 * @param {string} changed
 * @param {'per day' | 'running totals'} entityCounts
 * @param {boolean} [dayPercentiles]
 * @param {boolean} [dayVersions]
 */
function follow(
  kind,
  changed,
  entityCounts,
  dayPercentiles = false,
  dayVersions = false,
) {
  const counts = countsOf(kind).map(([name]) => name);
  const dayNames = kind.day.map(c => c[0]);
  const entityNames = kind.entityDay.map(c => c[0]);
  return `
    WITH changed AS MATERIALIZED (
      SELECT entity_ref, day, bucket, ${counts.join(', ')} FROM (${changed}) c
    ),
    ${
      entityCounts === 'per day'
        ? perDay(entityNames)
        : runningTotals(entityNames)
    }
    buckets AS (
      SELECT day, array_agg(bucket) AS buckets, array_agg(delta) AS deltas
      FROM (
        SELECT day, bucket, sum(${kind.bucketed}) AS delta FROM changed
        WHERE bucket IS NOT NULL
        GROUP BY day, bucket HAVING sum(${kind.bucketed}) <> 0
      ) b
      GROUP BY day
    ),
    days AS (SELECT day, ${sums(dayNames)} FROM changed GROUP BY day)
    INSERT INTO dora_days AS t (day, ${dayNames.join(', ')}, ${kind.buckets})
    SELECT day, ${dayNames
      .map(name => `coalesce(d.${name}, 0)`)
      .join(', ')}, dora_bucket_counts(b.buckets, b.deltas)
    FROM days d LEFT JOIN buckets b USING (day)
    WHERE ${
      dayPercentiles
        ? 'true'
        : `b.day IS NOT NULL OR ${nonZero(dayNames, 'd.')}`
    }
    ON CONFLICT (day) DO UPDATE SET ${add(dayNames)},
      ${kind.buckets} = dora_add_bucket_counts(t.${kind.buckets}, excluded.${
    kind.buckets
  })${
    dayPercentiles
      ? kind.percentiles.map(name => `, ${name} = NULL`).join('')
      : ''
  }${dayVersions ? `, version = nextval('dora_day_versions')` : ''}`;
}

/**
 * The rows already in `kind`'s table, as changes to count.
 * @param {typeof DEPLOYMENTS} kind
 */
const existing = kind =>
  signed(kind.table, 1, { ...kind, counts: countsOf(kind) });

/**
 * Creates (or replaces) the functions of the statement triggers that keep
 * the counts per day in step with `dora_deployments` and `dora_commits`:
 * `dora_days_deployments_insert` and the like, one pass over the changed
 * rows per statement, every table written by it.
 * @param {import('knex').Knex} knex
 * @param {'per day' | 'running totals'} entityCounts
 * @param {boolean} [dayPercentiles] see {@link follow}
 * @param {boolean} [dayVersions] see {@link follow}
 */
async function replaceFollowFunctions(
  knex,
  entityCounts,
  dayPercentiles = false,
  dayVersions = false,
) {
  for (const kind of KINDS) {
    for (const [operation, signs] of OPERATIONS) {
      const changed = signs
        .map(sign =>
          signed(sign > 0 ? 'new_rows' : 'old_rows', sign, {
            ...kind,
            counts: countsOf(kind),
          }),
        )
        .join(' UNION ALL ');
      await knex.raw(`
        CREATE OR REPLACE FUNCTION ${kind.prefix}_${operation}() RETURNS trigger
        LANGUAGE plpgsql
        -- Each changed day's rows found through the index, also when a
        -- rebuild changes every day at once (a hash join would compare
        -- every day of an entity with every other).
        SET enable_hashjoin = off SET enable_mergejoin = off
        AS $$
        BEGIN
          ${follow(kind, changed, entityCounts, dayPercentiles, dayVersions)};
          RETURN NULL;
        END $$`);
    }
  }
}

module.exports = {
  DAY,
  DEPLOYMENT_DAY,
  COMMIT_DAY,
  ENTITY_COLUMNS,
  KINDS,
  OPERATIONS,
  existing,
  follow,
  replaceFollowFunctions,
};
