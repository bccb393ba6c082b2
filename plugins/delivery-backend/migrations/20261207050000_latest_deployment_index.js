// @ts-check

/**
 * What was deployed last where, finished or not: the latest deployment of an
 * entity in an environment by history order, one index lookup per pair for
 * the environment cards and the domain matrix.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('deployments', table => {
    table.index(
      ['entity_ref', 'environment', 'sort_at', 'id'],
      'deployments_entity_environment_sort_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('deployments', table => {
    table.dropIndex([], 'deployments_entity_environment_sort_idx');
  });
};
