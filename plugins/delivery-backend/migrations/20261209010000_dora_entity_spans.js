// @ts-check

// What rates an entity over spans of 8 and of 64 UTC days (PostgreSQL only),
// beside `dora_entity_days`: a roll-up rates its members over a window from
// the few spans that fit in it and the days left at its edges (a quarter is
// about 15 rows per entity instead of 90). A span starts on a UTC midnight a
// whole number of spans after 1970-01-01.
//
// A statement trigger on `dora_entity_days` adds each change of a day's
// counts to the two spans holding that day, so the spans are always the sums
// of their days.

const DAY = 86_400_000;
const SPANS = [8, 64];

// The counts of `dora_entity_days`, every one summed into the spans.
const COUNTS = [
  'deployments',
  'failed',
  'recovered',
  'recovered_under_hour',
  'recovered_under_day',
  'recovered_under_week',
  'commits',
  'commits_under_day',
  'commits_under_week',
  'commits_under_month',
];

/** @type {Array<['insert' | 'update' | 'delete', number[], string]>} */
const OPERATIONS = [
  ['insert', [1], 'NEW TABLE AS new_rows'],
  ['update', [1, -1], 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['delete', [-1], 'OLD TABLE AS old_rows'],
];

/**
 * One statement adding the signed day rows `changed` (a query of `day`,
 * `entity_ref` and the counts) to the spans that hold them.
 * @param {string} changed
 */
const addToSpans = changed => `
  INSERT INTO dora_entity_spans AS t (span, day, entity_ref, ${COUNTS.join(
    ', ',
  )})
  SELECT s.span, c.day - ((c.day % (s.span * ${DAY}::bigint)) + s.span * ${DAY}::bigint) % (s.span * ${DAY}::bigint),
    c.entity_ref, ${COUNTS.map(name => `sum(c.${name})`).join(', ')}
  FROM (${changed}) c
  CROSS JOIN (VALUES ${SPANS.map(span => `(${span})`).join(', ')}) AS s(span)
  GROUP BY 1, 2, 3
  HAVING ${COUNTS.map(name => `sum(c.${name}) <> 0`).join(' OR ')}
  ON CONFLICT (span, day, entity_ref) DO UPDATE SET ${COUNTS.map(
    name => `${name} = t.${name} + excluded.${name}`,
  ).join(', ')}`;

/** @type {(rows: string, sign: number) => string} */
const signed = (rows, sign) =>
  `SELECT day, entity_ref, ${COUNTS.map(
    name => `${sign} * ${name} AS ${name}`,
  ).join(', ')} FROM ${rows}`;

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await knex.schema.createTable('dora_entity_spans', table => {
    table.comment(
      'What rates an entity on its own, per span of 8 or 64 UTC days',
    );
    table.integer('span').notNullable().comment('Days: 8 or 64');
    table
      .bigInteger('day')
      .notNullable()
      .comment('UTC midnight the span starts, ms');
    table.string('entity_ref', 255).notNullable();
    for (const name of COUNTS) {
      table.integer(name).notNullable().defaultTo(0);
    }
  });
  // As dora_entity_days: a window's spans read as one stretch of the index.
  await knex.raw(`
    ALTER TABLE dora_entity_spans ADD CONSTRAINT dora_entity_spans_pkey
      PRIMARY KEY (span, day, entity_ref) INCLUDE (${COUNTS.join(', ')})`);

  for (const [operation, signs, tables] of OPERATIONS) {
    const changed = signs
      .map(sign => signed(sign > 0 ? 'new_rows' : 'old_rows', sign))
      .join(' UNION ALL ');
    await knex.raw(`
      CREATE FUNCTION dora_entity_spans_${operation}() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        ${addToSpans(changed)};
        RETURN NULL;
      END $$`);
    await knex.raw(`
      CREATE TRIGGER dora_entity_spans_${operation}
      AFTER ${operation.toUpperCase()} ON dora_entity_days
      REFERENCING ${tables}
      FOR EACH STATEMENT EXECUTE FUNCTION dora_entity_spans_${operation}()`);
  }
  // Summed from the days already there.
  await knex.raw(addToSpans(signed('dora_entity_days', 1)));
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  for (const [operation] of OPERATIONS) {
    await knex.raw(
      `DROP TRIGGER dora_entity_spans_${operation} ON dora_entity_days`,
    );
    await knex.raw(`DROP FUNCTION dora_entity_spans_${operation}()`);
  }
  await knex.schema.dropTable('dora_entity_spans');
};
