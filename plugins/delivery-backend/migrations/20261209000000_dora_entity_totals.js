// @ts-check

// What rates each member of a roll-up, kept as running totals per entity
// (`dora_entity_totals`) instead of counts per entity and day
// (`dora_entity_days`): a row totals the entity's counts up to and including
// its UTC day, so a window's counts are the difference of two rows per
// entity, the last before its end and the last before its start. Rating a
// portal's members read 90 rows each for a quarter; now two index probes.
// The statement triggers of `dora_deployments` and `dora_commits` keep the
// totals (see lib/doraDayCounts.js). PostgreSQL only, as `dora_entity_days`.

const {
  ENTITY_COLUMNS,
  replaceFollowFunctions,
} = require('./lib/doraDayCounts');

const COLUMNS = ENTITY_COLUMNS.join(', ');

/**
 * @param {import('knex').Knex} knex
 * @param {string} name
 * @param {string} comment
 */
async function createCountsTable(knex, name, comment) {
  await knex.schema.createTable(name, table => {
    table.comment(comment);
    table.bigInteger('day').notNullable().comment('UTC midnight, ms');
    table.string('entity_ref', 255).notNullable();
    for (const column of ENTITY_COLUMNS) {
      table.integer(column).notNullable().defaultTo(0);
    }
  });
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await createCountsTable(
    knex,
    'dora_entity_totals',
    'DORA counts of an entity up to and including each UTC day',
  );
  // Ordered by entity and day: a rating's probes find the row before a
  // window's edge in the index alone.
  await knex.raw(`
    ALTER TABLE dora_entity_totals ADD CONSTRAINT dora_entity_totals_pkey
      PRIMARY KEY (entity_ref, day) INCLUDE (${COLUMNS})`);
  await knex.raw(`
    INSERT INTO dora_entity_totals (entity_ref, day, ${COLUMNS})
    SELECT entity_ref, day, ${ENTITY_COLUMNS.map(
      column => `sum(${column}) OVER w`,
    ).join(', ')}
    FROM dora_entity_days
    WINDOW w AS (PARTITION BY entity_ref ORDER BY day)`);
  await replaceFollowFunctions(knex, 'running totals');
  await knex.schema.dropTable('dora_entity_days');
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await createCountsTable(
    knex,
    'dora_entity_days',
    'What rates an entity on its own, per UTC day',
  );
  await knex.raw(`
    ALTER TABLE dora_entity_days ADD CONSTRAINT dora_entity_days_pkey
      PRIMARY KEY (day, entity_ref) INCLUDE (${COLUMNS})`);
  await knex.raw(`
    INSERT INTO dora_entity_days (day, entity_ref, ${COLUMNS})
    SELECT day, entity_ref, ${ENTITY_COLUMNS.map(
      column => `${column} - coalesce(lag(${column}) OVER w, 0) AS ${column}`,
    ).join(', ')}
    FROM dora_entity_totals
    WINDOW w AS (PARTITION BY entity_ref ORDER BY day)`);
  await replaceFollowFunctions(knex, 'per day');
  await knex.schema.dropTable('dora_entity_totals');
};
