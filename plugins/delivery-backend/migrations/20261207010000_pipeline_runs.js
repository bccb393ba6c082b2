// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pipeline_runs', table => {
    table.comment(
      'CI pipeline runs, one row per run attempt, as the latest event of its id reported it',
    );
    table.string('id', 255).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('workflow', 255).notNullable();
    table.integer('run_attempt').notNullable();
    table.string('status', 32).notNullable();
    table.string('conclusion', 32).nullable();
    table.string('branch', 255).nullable();
    table.string('default_branch', 255).nullable();
    table.string('commit_sha', 255).nullable();
    table.bigInteger('started_at').notNullable();
    table.bigInteger('finished_at').nullable();
    table.text('url').nullable();
    table.bigInteger('received_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    // Health reads a scope's runs that finished in a window.
    table.index(
      ['entity_ref', 'finished_at'],
      'pipeline_runs_entity_finished_idx',
    );
  });
  await knex.schema.createTable('pipeline_run_suites', table => {
    table.comment(
      'The test suites of pipeline runs: each report of a suite replaces that suite of its run, so jobs that run in parallel each report their own',
    );
    table.string('run_id', 255).notNullable();
    table.string('suite', 255).notNullable();
    table.integer('passed').notNullable();
    table.integer('failed').notNullable();
    table.integer('skipped').notNullable();
    // The names of the failing tests, a JSON array of at most 100.
    table.text('failed_tests').nullable();
    table.bigInteger('updated_at').notNullable();
    table.primary(['run_id', 'suite']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pipeline_run_suites');
  await knex.schema.dropTable('pipeline_runs');
};
