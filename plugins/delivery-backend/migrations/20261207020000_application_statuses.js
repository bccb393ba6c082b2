// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('application_statuses', table => {
    table.comment(
      'How each entity’s application stands in each environment (e.g. Argo CD sync and health), as a source last read it; the views read it instead of calling the source',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 255).notNullable();
    table.string('source', 63).notNullable();
    table.string('name', 255).notNullable();
    table.string('sync_status', 63).notNullable();
    table.string('health_status', 63).notNullable();
    table.text('health_message').nullable();
    table.string('revision', 255).nullable();
    table.text('url').nullable();
    table.bigInteger('observed_at').notNullable();
    // One status per entity, environment and source: a later read replaces it.
    table.primary(['entity_ref', 'environment', 'source']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('application_statuses');
};
