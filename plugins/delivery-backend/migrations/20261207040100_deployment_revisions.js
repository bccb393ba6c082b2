// @ts-check

// How many times a deployment's record was replaced by a later event: 0 for
// one stored once. Ingestion reads it back from its upsert to tell the
// deployments it inserted from those it replaced, so that it deletes the
// listed commits of replaced ones only, rather than probing for the commits
// of every new deployment.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('deployments', table => {
    table
      .integer('revision')
      .notNullable()
      .defaultTo(0)
      .comment('How many times a later event replaced the record');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('deployments', table => {
    table.dropColumn('revision');
  });
};
