// @ts-check

// The DORA tables are derived again in the background when their settings
// change (src/database/dora/backgroundRebuild.ts), while the backend serves
// the answers derived before. Meanwhile ingestion stores events as always
// but leaves the derivation of what it changed to the rebuild: it records
// the changed events here, and the rebuild derives them once the tables are
// rebuilt, so that nothing ingested during a rebuild is missing afterwards.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dora_pending_changes', table => {
    table.comment(
      'Events ingested while the DORA tables were being derived again, to derive afterwards',
    );
    table.bigIncrements('id').primary();
    table
      .string('deployment_id', 255)
      .nullable()
      .comment('A deployment inserted or replaced');
    table
      .string('sha', 255)
      .nullable()
      .comment('With deployment_id: a commit it listed before it was replaced');
    table
      .string('incident_id', 255)
      .nullable()
      .comment('An incident inserted or replaced');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dora_pending_changes');
};
