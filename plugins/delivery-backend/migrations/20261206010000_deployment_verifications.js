// @ts-check

// The verification of deployments into environments that configure one: the
// state of each check (kept here, so that any replica resumes a verification
// another one left mid-check) and what followed a failure.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('deployment_verifications', table => {
    table.comment('Checks run after a succeeded deployment, one row each');
    table.string('deployment_id', 255).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 63).notNullable();
    table.string('version', 255).notNullable();
    table.string('state', 16).notNullable().comment('running, passed, failed');
    table.text('reason').nullable();
    table
      .text('checks')
      .notNullable()
      .comment('JSON array: each check with its progress');
    table.bigInteger('started_at').notNullable();
    table.bigInteger('finished_at').nullable();
    table
      .bigInteger('next_check_at')
      .nullable()
      .comment('When the running verification is due again');
    table
      .string('claim_token', 255)
      .nullable()
      .comment('Which replica is checking it now');
    table.bigInteger('claimed_at').nullable();
    table
      .string('follow_up', 16)
      .nullable()
      .comment(
        'After a failure: pending until the incident, rollback and notifications are done',
      );
    table.string('incident_id', 255).nullable();
    table.bigInteger('incident_resolved_at').nullable();
    table.string('rollback_promotion_id', 36).nullable();
    table.index(['state', 'next_check_at'], 'deployment_verifications_due_idx');
    table.index(
      ['entity_ref', 'environment', 'version'],
      'deployment_verifications_version_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('deployment_verifications');
};
