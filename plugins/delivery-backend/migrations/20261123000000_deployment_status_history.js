// @ts-check

// History pages filtered by status (e.g. the portal's failures of the last
// 24 hours) read newest first among one status; without this index they scan
// the whole history and drop the other statuses.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('deployments', table => {
    table.index(['status', 'sort_at', 'id'], 'deployments_status_history_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('deployments', table => {
    table.dropIndex(
      ['status', 'sort_at', 'id'],
      'deployments_status_history_idx',
    );
  });
};
