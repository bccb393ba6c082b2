// @ts-check

// Every timestamp is stored as integer milliseconds since the epoch (UTC) in a
// bigint column. SQLite has no date type, and the drivers convert dates
// differently on each database; plain integers order, compare and subtract the
// same way on SQLite and PostgreSQL, with no time-zone conversion anywhere.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('deployments', table => {
    table.comment('One record per deployment id: the event that won');
    table.string('id', 255).primary().comment('The reporter’s event id');
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 63).notNullable();
    table.string('version', 255).notNullable();
    table.string('commit_sha', 255).notNullable();
    table.string('status', 16).notNullable();
    table.string('trigger', 16).notNullable();
    table.bigInteger('started_at').notNullable();
    table.bigInteger('finished_at').nullable();
    table
      .bigInteger('sort_at')
      .notNullable()
      .comment('finished_at, or started_at while in progress: history order');
    table.text('url').nullable();
    table.string('actor', 255).nullable();
    table.bigInteger('received_at').notNullable();
    table.bigInteger('updated_at').notNullable();

    // What runs where: the latest succeeded deployment per entity and environment.
    table.index(
      ['entity_ref', 'environment', 'finished_at'],
      'deployments_entity_environment_finished_idx',
    );
    // History pages, newest first, of one entity or of everything.
    table.index(
      ['entity_ref', 'sort_at', 'id'],
      'deployments_entity_history_idx',
    );
    table.index(['sort_at', 'id'], 'deployments_history_idx');
  });

  await knex.schema.createTable('deployment_commits', table => {
    table.comment(
      'The commits a deployment brought, as its winning event listed them',
    );
    table.string('deployment_id', 255).notNullable();
    table.string('sha', 255).notNullable();
    table.bigInteger('committed_at').nullable();
    table.primary(['deployment_id', 'sha']);
    table.index(['sha'], 'deployment_commits_sha_idx');
  });

  await knex.schema.createTable('incidents', table => {
    table.comment('One record per incident id');
    table.string('id', 255).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 63).notNullable();
    table.bigInteger('opened_at').notNullable();
    table.bigInteger('resolved_at').nullable();
    // No foreign key: an incident may arrive before the deployment it names.
    table.string('deployment_id', 255).nullable();
    table.text('url').nullable();
    table.bigInteger('received_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.index(
      ['entity_ref', 'environment', 'opened_at'],
      'incidents_entity_environment_opened_idx',
    );
    table.index(['deployment_id'], 'incidents_deployment_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('incidents');
  await knex.schema.dropTable('deployment_commits');
  await knex.schema.dropTable('deployments');
};
