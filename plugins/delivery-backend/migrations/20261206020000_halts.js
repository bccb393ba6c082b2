// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('halts', table => {
    table.comment(
      'Emergency halts of every promotion of a domain or of the portal; kept after they are lifted, as their history',
    );
    table.string('id', 36).primary();
    table.string('scope', 255).notNullable();
    table.text('reason').notNullable();
    table.string('created_by', 255).notNullable();
    table.bigInteger('created_at').notNullable();
    table.string('lifted_by', 255).nullable();
    table.bigInteger('lifted_at').nullable();
    // One active halt per scope: a second request for the same scope loses the race.
    table
      .string('active_scope', 255)
      .nullable()
      .unique('halts_active_scope_key');
    table.index(['lifted_at'], 'halts_lifted_at_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('halts');
};
