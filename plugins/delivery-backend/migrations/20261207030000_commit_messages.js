// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('deployment_commits', table => {
    table
      .text('message')
      .nullable()
      .comment("The first line of the commit's message, when reported");
    table
      .string('author', 255)
      .nullable()
      .comment('Who wrote the commit (a login or a name), when reported');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('deployment_commits', table => {
    table.dropColumn('message');
    table.dropColumn('author');
  });
};
