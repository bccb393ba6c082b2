// @ts-check

// One entity's DORA figures per UTC day, kept once a read has computed them
// (`dora_entity_day_figures`), so that one entity's window reads a row per
// day instead of its deployments and commits, as `dora_days` does for
// everybody.
//
// A row holds the day's counts, its exact percentiles, and its lead times and
// recovery times, sorted: a daily series takes each day's percentiles as
// they are, and a longer range's exact median or 90th percentile comes from
// its days' values, a few thousand numbers in one text per day rather than
// a row per commit.
//
// Nothing writes these rows but reads, and ingestion never waits on them: a
// row is the entity's figures as of a version of the day. `dora_days` gains
// that version: a number from the sequence `dora_day_versions`, drawn anew by
// the statement triggers for every day a change falls on (see
// lib/doraDayCounts.js), and never again after, also not by another
// database restored from a dump (a dump keeps the sequence; a row's xmin
// would repeat there). A read uses a kept row only while its day is still
// that version, and computes the day again otherwise (see entityDays.ts).
// PostgreSQL only, as `dora_days`.

const { replaceFollowFunctions } = require('./lib/doraDayCounts');

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await knex.raw('CREATE SEQUENCE dora_day_versions');
  // Each day there is gets its own version.
  await knex.raw(`
    ALTER TABLE dora_days ADD COLUMN version bigint NOT NULL
      DEFAULT nextval('dora_day_versions')`);
  await knex.raw(
    `COMMENT ON COLUMN dora_days.version IS 'Drawn anew whenever a change falls on the day'`,
  );
  await replaceFollowFunctions(knex, 'running totals', true, true);
  await knex.schema.createTable('dora_entity_day_figures', table => {
    table.comment(
      'One entity’s DORA figures of a UTC day, kept by reads while the day is unchanged',
    );
    table.string('entity_ref', 255).notNullable();
    table.bigInteger('day').notNullable().comment('UTC midnight, ms');
    table
      .bigInteger('version')
      .notNullable()
      .comment(
        'The version of the day (dora_days.version) these figures are of',
      );
    for (const name of [
      'deployments',
      'rework',
      'failed',
      'open_failures',
      'commits',
    ]) {
      table.integer(name).notNullable();
    }
    for (const name of [
      'lead_time_median',
      'lead_time_p90',
      'recovery_median',
    ]) {
      table.double(name).nullable().comment('ms, as percentile_cont gives it');
    }
    // Text, as a read takes it apart: PostgreSQL writes no array out.
    for (const name of ['lead_times', 'recoveries']) {
      table
        .text(name)
        .notNullable()
        .comment('The day’s values in ms, ascending, comma-separated');
    }
    table.primary(['entity_ref', 'day']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await knex.schema.dropTable('dora_entity_day_figures');
  await replaceFollowFunctions(knex, 'running totals', true);
  await knex.raw('ALTER TABLE dora_days DROP COLUMN version');
  await knex.raw('DROP SEQUENCE dora_day_versions');
};
