// @ts-check

// What rates an entity over spans of 8 UTC days (PostgreSQL only),
// beside `dora_entity_days`: a roll-up rates its members over a window from
// the spans that fit in it and the days left at its edges (a quarter is
// 11 spans and up to 14 days per entity instead of 90 days; a longer span
// would save little more on a quarter and cost ingestion another row per
// change). A span starts on a UTC midnight a
// whole number of spans after 1970-01-01.
//
// The statements of the triggers on `dora_deployments` and `dora_commits`
// that add each change to the days now add it to the span holding the day
// too, in the same statement (a trigger of its own on
// `dora_entity_days` cost ingestion about 5 % of its speed).

const {
  ENTITY_DAY,
  OPERATIONS,
  DEPLOYMENTS,
  COMMITS,
  countsOf,
  signed,
  follow,
  spanStart,
} = require('./shared/doraDayCounts');

const COUNTS = ENTITY_DAY.map(([name]) => name);

/**
 * The trigger functions of both tables: adding to the spans (and returning
 * at once when no row changed), or as migration 20261208010000 made them.
 * @param {import('knex').Knex} knex
 * @param {boolean} spans
 */
async function replaceTriggerFunctions(knex, spans) {
  for (const kind of [DEPLOYMENTS, COMMITS]) {
    for (const [operation, signs] of OPERATIONS) {
      const changed = signs
        .map(sign =>
          signed(sign > 0 ? 'new_rows' : 'old_rows', sign, {
            ...kind,
            counts: countsOf(kind),
          }),
        )
        .join(' UNION ALL ');
      // A statement that changed no rows (ingestion lowering commit times
      // that are already the earliest, say) has nothing to add.
      const rows = signs[0] > 0 ? 'new_rows' : 'old_rows';
      const nothingChanged = spans
        ? `IF NOT EXISTS (SELECT FROM ${rows}) THEN
             RETURN NULL;
           END IF;`
        : '';
      await knex.raw(`
        CREATE OR REPLACE FUNCTION ${kind.prefix}_${operation}() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          ${nothingChanged}
          ${follow(kind, changed, { spans })};
          RETURN NULL;
        END $$`);
    }
  }
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await knex.schema.createTable('dora_entity_spans', table => {
    table.comment('What rates an entity on its own, per span of 8 UTC days');
    table.integer('span').notNullable().comment('Days: 8');
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
  await replaceTriggerFunctions(knex, true);
  // Summed from the days already there.
  await knex.raw(`
    INSERT INTO dora_entity_spans (span, day, entity_ref, ${COUNTS.join(', ')})
    SELECT s.span, ${spanStart('d.day', 's.span')}, d.entity_ref,
      ${COUNTS.map(name => `sum(d.${name})`).join(', ')}
    FROM dora_entity_days d CROSS JOIN (VALUES (8)) AS s(span)
    GROUP BY 1, 2, 3`);
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await replaceTriggerFunctions(knex, false);
  await knex.schema.dropTable('dora_entity_spans');
};
