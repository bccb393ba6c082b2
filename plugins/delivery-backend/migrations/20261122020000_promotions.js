// @ts-check

// Promotions and what belongs to them. Timestamps are integer milliseconds
// since the epoch (UTC) in bigint columns, like the deployments'.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('promotions', table => {
    table.comment(
      'Requests to move a version of an entity into an environment',
    );
    table.string('id', 36).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 63).notNullable();
    table.string('version', 255).notNullable();
    table
      .string('from_version', 255)
      .nullable()
      .comment('What ran in the environment at request time');
    table.string('trigger', 16).notNullable();
    table.text('reason').notNullable();
    table.string('state', 32).notNullable();
    table.string('requested_by', 255).notNullable();
    table.bigInteger('requested_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    // The policy at request time, so that a config change does not alter a
    // promotion in flight.
    table.integer('required_approvals').notNullable();
    table.text('approvers').notNullable().comment('JSON array of entity refs');
    table.boolean('allow_self_approval').notNullable();
    table
      .string('open_key', 400)
      .nullable()
      .comment(
        'entity_ref and environment while the promotion is open, else null: one open promotion per entity and environment',
      );
    table
      .string('claim_token', 255)
      .nullable()
      .comment('Who is executing it: set atomically with state executing');
    table.bigInteger('claimed_at').nullable();
    table.string('deployment_id', 255).nullable();
    table.text('url').nullable();
    table.string('gitops_commit_sha', 255).nullable();
    table.text('message').nullable();

    table.unique(['open_key'], { indexName: 'promotions_open_key_idx' });
    table.index(['state', 'requested_at'], 'promotions_state_idx');
    table.index(['entity_ref', 'requested_at'], 'promotions_entity_idx');
  });

  await knex.schema.createTable('promotion_transitions', table => {
    table.comment('Every state change of a promotion: who, when, why');
    table.increments('id');
    table.string('promotion_id', 36).notNullable();
    table.string('from_state', 32).nullable();
    table.string('to_state', 32).notNullable();
    table.string('actor', 255).notNullable();
    table.bigInteger('at').notNullable();
    table.text('comment').nullable();
    table
      .foreign('promotion_id', 'promotion_transitions_promotion_fk')
      .references('id')
      .inTable('promotions')
      .onDelete('CASCADE');
    table.index(['promotion_id', 'id'], 'promotion_transitions_promotion_idx');
  });

  await knex.schema.createTable('promotion_approvals', table => {
    table.comment('One approval per approver and promotion');
    table.string('promotion_id', 36).notNullable();
    table.string('approver', 255).notNullable();
    table.bigInteger('approved_at').notNullable();
    table.text('comment').nullable();
    table.primary(['promotion_id', 'approver']);
    table
      .foreign('promotion_id', 'promotion_approvals_promotion_fk')
      .references('id')
      .inTable('promotions')
      .onDelete('CASCADE');
  });

  await knex.schema.createTable('freeze_windows', table => {
    table.comment('One-off freeze windows set by admins through the API');
    table.string('id', 36).primary();
    table.string('environment', 63).notNullable();
    table.bigInteger('start_at').notNullable();
    table.bigInteger('end_at').notNullable();
    table.text('reason').nullable();
    table.string('created_by', 255).notNullable();
    table.bigInteger('created_at').notNullable();
    table.index(['environment', 'end_at'], 'freeze_windows_environment_idx');
  });

  await knex.schema.createTable('rolled_back_versions', table => {
    table.comment(
      'Versions a rollback moved away from: offering them again warns',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 63).notNullable();
    table.string('version', 255).notNullable();
    table.string('promotion_id', 36).notNullable();
    table.string('rolled_back_by', 255).notNullable();
    table.bigInteger('rolled_back_at').notNullable();
    table.primary(['entity_ref', 'environment', 'version']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('rolled_back_versions');
  await knex.schema.dropTable('freeze_windows');
  await knex.schema.dropTable('promotion_approvals');
  await knex.schema.dropTable('promotion_transitions');
  await knex.schema.dropTable('promotions');
};
