// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('delivery_github_backfill', table => {
    table.comment(
      'Where the GitHub backfill left each list of each repository: the ETag of its first page, for conditional requests, and what it still has to look at again',
    );
    table.string('repository', 255).notNullable().comment('host/owner/repo');
    table
      .string('feed', 32)
      .notNullable()
      .comment('deployments or workflow_runs');
    table.text('etag').nullable();
    table
      .text('cursor')
      .notNullable()
      .comment('JSON: the latest updated_at seen and the unfinished items');
    table.bigInteger('updated_at').notNullable();
    table.primary(['repository', 'feed']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('delivery_github_backfill');
};
