// @ts-check

// DORA with several production environments: "the next production
// deployment" of a deployment, the incidents attributed to it by rule and the
// rollback / hotfix after it are taken within its own environment. The
// derived deployments record their environment, and the neighbour lookups
// read one entity's history in one environment through an index. The rows
// derived before have no environment: the settings row goes, so the next
// start derives the tables anew.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dora_deployments', table => {
    table
      .string('environment', 255)
      .notNullable()
      .defaultTo('')
      .comment('The production environment it rolled out to');
    table.index(
      ['entity_ref', 'environment', 'finished_at', 'deployment_id'],
      'dora_deployments_entity_environment_finished_idx',
    );
  });
  await knex('dora_settings').delete();
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dora_deployments', table => {
    table.dropIndex(
      ['entity_ref', 'environment', 'finished_at', 'deployment_id'],
      'dora_deployments_entity_environment_finished_idx',
    );
    table.dropColumn('environment');
  });
  await knex('dora_settings').delete();
};
