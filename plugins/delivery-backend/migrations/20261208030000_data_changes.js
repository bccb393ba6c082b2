// @ts-check

// What tells a replica that the plugin's data changed since it computed an
// answer: costly answers (DORA, the domain matrix, an entity's environments)
// are kept per replica under a data version and served again while it holds,
// so that a busy portal does not recompute them for every page. PostgreSQL
// only, where replicas share the data; SQLite (one process: the demo and
// tests) keeps no answers.
//
// A statement trigger on every table notes the id of each transaction that
// writes (one row per transaction, inserts of different keys, so writers
// never wait on each other). A reader's version is the newest id it can see
// plus the older transactions still running then: a transaction that commits
// after a newer one changes the version too. See DataVersion.ts.

/** The plugin's tables whose rows an answer may read. */
const TABLES = [
  'application_statuses',
  'deployment_commits',
  'deployment_verifications',
  'deployments',
  'dora_commits',
  'dora_deployments',
  'dora_incidents',
  'dora_pending_changes',
  'dora_settings',
  'freeze_windows',
  'halts',
  'incidents',
  'pipeline_run_suites',
  'pipeline_runs',
  'promotion_approvals',
  'promotion_transitions',
  'promotions',
  'rolled_back_versions',
];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await knex.schema.createTable('delivery_data_changes', table => {
    table.comment(
      'The ids of transactions that wrote the plugin data; all but the newest are pruned',
    );
    table.bigInteger('transaction_id').primary();
  });
  await knex.raw(`
    CREATE FUNCTION delivery_data_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO delivery_data_changes (transaction_id)
        VALUES (pg_current_xact_id()::text::bigint)
        ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$`);
  for (const table of TABLES) {
    await knex.raw(`
      CREATE TRIGGER delivery_data_changed
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION delivery_data_changed()`);
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  for (const table of TABLES) {
    await knex.raw(`DROP TRIGGER delivery_data_changed ON ${table}`);
  }
  await knex.raw('DROP FUNCTION delivery_data_changed()');
  await knex.schema.dropTable('delivery_data_changes');
};
