import { spawnSync } from 'node:child_process';
import knexFactory, { Knex } from 'knex';
import { DatabaseDeliveryStore } from '../../plugins/delivery-backend/src/database/DatabaseDeliveryStore';
import { DoraDerivationSettings } from '../../plugins/delivery-backend/src/database/dora/DoraDerivationSettings';
import { rebuildDoraTables } from '../../plugins/delivery-backend/src/database/dora/rebuildDoraTables';
import { generateHistory } from '../dora/history';

/** Every database of the bench's replicas starts with this (backend.database.prefix). */
export const DATABASE_PREFIX =
  process.env.DELIVERY_BENCH_LOAD_DATABASES ??
  `delivery_bench_load_${process.pid}_`;

/** Whether the databases are kept after the run (DELIVERY_BENCH_LOAD_DATABASES), to run again on them. */
export const KEEP_DATABASES = Boolean(
  process.env.DELIVERY_BENCH_LOAD_DATABASES,
);

/**
 * Fills the delivery plugin's database with the DORA bench's generated
 * history and derives its DORA tables up front, as the plugin would at its
 * first start, so that the replicas serve at once.
 */
export async function prepareDeliveryDatabase(
  server: string,
  settings: DoraDerivationSettings,
): Promise<void> {
  const admin = knexFactory({ client: 'pg', connection: `${server}/postgres` });
  try {
    const { rows } = await admin.raw(
      'SELECT 1 FROM pg_database WHERE datname = ?',
      [`${DATABASE_PREFIX}delivery`],
    );
    if (rows.length > 0 && KEEP_DATABASES) {
      return; // prepared by an earlier run
    }
    await admin.raw(`CREATE DATABASE ${DATABASE_PREFIX}delivery`);
  } finally {
    await admin.destroy();
  }
  const knex = knexFactory({
    client: 'pg',
    connection: `${server}/${DATABASE_PREFIX}delivery`,
  });
  try {
    await DatabaseDeliveryStore.create({
      database: { getClient: async () => knex },
      dora: settings,
    });
    await generateHistory(knex);
    await knex.transaction(tx => rebuildDoraTables(tx, settings));
    await knex.raw('VACUUM ANALYZE');
    // Written out now, to disk too, not by a checkpoint or the kernel
    // during the timed phases (the server runs without fsync).
    await knex.raw('CHECKPOINT');
    spawnSync('sync');
  } finally {
    await knex.destroy();
  }
}

/** Drops every database the bench and its replicas created. */
export async function dropBenchDatabases(server: string): Promise<void> {
  const admin: Knex = knexFactory({
    client: 'pg',
    connection: `${server}/postgres`,
  });
  try {
    const { rows } = await admin.raw(
      'SELECT datname FROM pg_database WHERE datname LIKE ?',
      [`${DATABASE_PREFIX}%`],
    );
    for (const { datname } of rows) {
      await admin.raw(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await admin.destroy();
  }
}
