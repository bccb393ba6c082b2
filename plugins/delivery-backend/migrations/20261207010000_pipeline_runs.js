// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pipeline_runs', table => {
    table.comment(
      'CI pipeline runs, one row per run attempt, as the latest event of its id reported it; the tests as JSON',
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
    // The suites with their counts and failing test names, as reported.
    table.text('tests').nullable();
    table.bigInteger('received_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    // Health reads a scope's runs that finished in a window.
    table.index(
      ['entity_ref', 'finished_at'],
      'pipeline_runs_entity_finished_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pipeline_runs');
};
