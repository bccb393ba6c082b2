// @ts-check

// What DORA needs, derived once from the deployments, their commits and the
// incidents as events arrive, so that a query reads only its window instead
// of rescanning all history. The backend keeps these tables up to date at
// ingestion (src/database/dora/); `dora_settings` records what they were
// derived with (the production environments and the incident attribution
// window), and a change of either rebuilds them at start. Timestamps are
// integer milliseconds since the epoch, like the raw tables'.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dora_settings', table => {
    table.comment('What the dora_ tables were derived with');
    table.string('name', 63).primary();
    table.text('value').notNullable();
  });

  await knex.schema.createTable('dora_deployments', table => {
    table.comment(
      'One row per succeeded production deployment, with its successor, failure and recovery',
    );
    table.string('deployment_id', 255).primary();
    table.string('entity_ref', 255).notNullable();
    table.bigInteger('finished_at').notNullable();
    table.string('trigger', 16).notNullable();
    table
      .string('head_commit_sha', 255)
      .nullable()
      .comment('The head commit, only when the deployment lists no commits');
    table
      .string('next_deployment_id', 255)
      .nullable()
      .comment(
        'The entity’s next succeeded production deployment by finished_at, id',
      );
    table.bigInteger('next_finished_at').nullable();
    table.string('next_trigger', 16).nullable();
    table.integer('incident_count').notNullable().defaultTo(0);
    table.integer('open_incident_count').notNullable().defaultTo(0);
    table
      .bigInteger('incidents_resolved_at')
      .nullable()
      .comment('The latest resolved_at of its incidents');
    table.integer('failed').notNullable().defaultTo(0).comment('0 or 1');
    table
      .string('failure_cause', 16)
      .nullable()
      .comment('incident, rollback or hotfix');
    table
      .bigInteger('recovered_at')
      .nullable()
      .comment('When a failed deployment recovered; null while open');

    // The entity's production history in order: neighbours, and one entity's window.
    table.index(
      ['entity_ref', 'finished_at', 'deployment_id'],
      'dora_deployments_entity_finished_idx',
    );
    // Everybody's window.
    table.index(['finished_at'], 'dora_deployments_finished_idx');
    // Which commit-less deployments bring a head commit (few: partial).
    table.index(['head_commit_sha'], 'dora_deployments_head_commit_idx', {
      predicate: knex.whereNotNull('head_commit_sha'),
    });
  });

  await knex.schema.createTable('dora_incidents', table => {
    table.comment(
      'One row per production incident, with the deployment it is attributed to',
    );
    table.string('incident_id', 255).primary();
    table.string('entity_ref', 255).notNullable();
    table.bigInteger('opened_at').notNullable();
    table.bigInteger('resolved_at').nullable();
    table
      .string('deployment_id', 255)
      .nullable()
      .comment(
        'The deployment it names, or that it is attributed to by rule; null if none',
      );
    table.index(['deployment_id'], 'dora_incidents_deployment_idx');
  });

  await knex.schema.createTable('dora_commits', table => {
    table.comment(
      'One row per entity and commit that reached production: its first production deployment',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('sha', 255).notNullable();
    table.string('first_deployment_id', 255).notNullable();
    table.bigInteger('first_finished_at').notNullable();
    table
      .bigInteger('committed_at')
      .nullable()
      .comment('The earliest time any event gives for the sha; null if none');
    // Also where a commit time becomes known, or is corrected: by sha.
    table.primary(['sha', 'entity_ref']);
    // The window's lead times, of everybody or of some entities, read from
    // the index alone.
    table.index(
      ['first_finished_at', 'committed_at'],
      'dora_commits_first_finished_idx',
    );
    table.index(
      ['entity_ref', 'first_finished_at', 'committed_at'],
      'dora_commits_entity_first_finished_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dora_commits');
  await knex.schema.dropTable('dora_incidents');
  await knex.schema.dropTable('dora_deployments');
  await knex.schema.dropTable('dora_settings');
};
