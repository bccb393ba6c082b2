// @ts-check

// How the statement triggers of `dora_deployments` and `dora_commits` keep
// the DORA counts per day (`dora_days`, `dora_entity_days`) and, from
// migration 20261209010000, per span of days (`dora_entity_spans`). Shared
// by the migrations that create and replace those triggers; each passes the
// options that give the SQL it created, so what a migration did stays fixed.

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

const ENTITY_DAY = [...DEPLOYMENT_ENTITY_DAY, ...COMMIT_ENTITY_DAY];

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
};

/**
 * Every column either table counts, once.
 * @param {typeof DEPLOYMENTS} kind
 * @returns {Array<[string, string]>}
 */
const countsOf = kind =>
  [...kind.day, ...kind.entityDay].filter(
    ([name], i, all) => all.findIndex(([other]) => other === name) === i,
  );

/**
 * One statement adding the signed rows `changed` (a query) to the tables
 * per day, and with `spans` to the spans of 8 days per entity too.
 * @param {typeof DEPLOYMENTS} kind
 * @param {string} changed
 * @param {{ spans?: boolean }} [options]
 */
function follow(kind, changed, options = {}) {
  const counts = countsOf(kind).map(([name]) => name);
  const dayNames = kind.day.map(c => c[0]);
  const entityNames = kind.entityDay.map(c => c[0]);
  const sums = (/** @type {string[]} */ names) =>
    names.map(name => `sum(${name}) AS ${name}`).join(', ');
  const nonZero = (/** @type {string[]} */ names, of = '') =>
    names.map(name => `${of}${name} <> 0`).join(' OR ');
  const add = (/** @type {string[]} */ names) =>
    names.map(name => `${name} = t.${name} + excluded.${name}`).join(', ');
  return `
    WITH changed AS MATERIALIZED (
      SELECT entity_ref, day, bucket, ${counts.join(', ')} FROM (${changed}) c
    ),
    entity_days AS (
      INSERT INTO dora_entity_days AS t (day, entity_ref, ${entityNames.join(
        ', ',
      )})
      SELECT day, entity_ref, ${sums(entityNames)} FROM changed
      GROUP BY day, entity_ref HAVING ${nonZero(
        entityNames.map(name => `sum(${name})`),
      )}
      ON CONFLICT (day, entity_ref) DO UPDATE SET ${add(entityNames)}
    ),${options.spans ? addToSpans(entityNames, sums, nonZero, add) : ''}
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
    WHERE b.day IS NOT NULL OR ${nonZero(dayNames, 'd.')}
    ON CONFLICT (day) DO UPDATE SET ${add(dayNames)},
      ${kind.buckets} = dora_add_bucket_counts(t.${kind.buckets}, excluded.${
    kind.buckets
  })`;
}

// The start of the span of s days holding a day (a whole number of spans
// after 1970-01-01, also before it).
const SPANS = [8];
const spanStart = (/** @type {string} */ day, /** @type {string} */ days) =>
  `${day} - ((${day} % (${days} * ${DAY}::bigint)) + ${days} * ${DAY}::bigint) % (${days} * ${DAY}::bigint)`;

/**
 * The CTE adding the changed rows to the spans of 8 days per entity.
 * @param {string[]} entityNames
 * @param {(names: string[]) => string} sums
 * @param {(names: string[], of?: string) => string} nonZero
 * @param {(names: string[]) => string} add
 */
function addToSpans(entityNames, sums, nonZero, add) {
  return `
    entity_spans AS (
      INSERT INTO dora_entity_spans AS t (span, day, entity_ref, ${entityNames.join(
        ', ',
      )})
      SELECT s.span, ${spanStart('c.day', 's.span')}, c.entity_ref, ${sums(
    entityNames,
  )}
      FROM changed c
      CROSS JOIN (VALUES ${SPANS.map(span => `(${span})`).join(
        ', ',
      )}) AS s(span)
      GROUP BY 1, 2, 3 HAVING ${nonZero(
        entityNames.map(name => `sum(${name})`),
      )}
      ON CONFLICT (span, day, entity_ref) DO UPDATE SET ${add(entityNames)}
    ),`;
}

module.exports = {
  DAY,
  DEPLOYMENT_DAY,
  COMMIT_DAY,
  ENTITY_DAY,
  OPERATIONS,
  DEPLOYMENTS,
  COMMITS,
  countsOf,
  signed,
  follow,
  spanStart,
};
