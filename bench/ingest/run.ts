/* eslint-disable no-console */
// Ingestion throughput: 200,000 events in batches of 1000 through the real ingestion path
// (validation + store) vs a raw Knex batch insert of the same rows, on SQLite and PostgreSQL.
// The two write into two databases migrated alike, batch by batch in turn, so that a machine
// whose load changes during the run slows both alike and the ratio holds.
// Run: yarn bench:ingest  (PostgreSQL from scripts/postgres.sh or DELIVERY_BENCH_POSTGRES)
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import knexFactory, { Knex } from 'knex';
import { readDeliveryEnvironments } from '@domain-delivery/backstage-plugin-delivery-node';
import { DatabaseDeliveryStore } from '../../plugins/delivery-backend/src/database/DatabaseDeliveryStore';
import { IngestionService } from '../../plugins/delivery-backend/src/service/ingestion/IngestionService';
import { DeploymentEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import { eventBatches, rawRows } from './events';

const TOTAL = Number(process.env.DELIVERY_BENCH_EVENTS ?? 200_000);
const BATCH = 1000;
// The bundled SQLite caps a multi-row insert at 500 rows (knex builds it as a compound select).
const RAW_CHUNK = 500;

interface Target {
  name: string;
  connect(): Promise<Knex>;
  dispose(): Promise<void>;
}

function sqliteTarget(): Target {
  const dbs: Knex[] = [];
  return {
    name: 'SQLite',
    async connect() {
      const db = knexFactory({
        client: 'better-sqlite3',
        connection: ':memory:',
        useNullAsDefault: true,
      });
      dbs.push(db);
      return db;
    },
    async dispose() {
      await Promise.all(dbs.map(db => db.destroy()));
    },
  };
}

function postgresTarget(): Target {
  const server =
    process.env.DELIVERY_BENCH_POSTGRES ??
    'postgresql://postgres@127.0.0.1:55432';
  const admin = knexFactory({ client: 'pg', connection: `${server}/postgres` });
  const dbs: Knex[] = [];
  const databases: string[] = [];
  return {
    name: 'PostgreSQL',
    async connect() {
      const database = `delivery_bench_ingest_${process.pid}_${databases.length}`;
      databases.push(database);
      await admin.raw(`DROP DATABASE IF EXISTS ${database}`);
      await admin.raw(`CREATE DATABASE ${database}`);
      const db = knexFactory({
        client: 'pg',
        connection: `${server}/${database}`,
      });
      dbs.push(db);
      return db;
    },
    async dispose() {
      await Promise.all(dbs.map(db => db.destroy()));
      for (const database of databases) {
        await admin.raw(`DROP DATABASE IF EXISTS ${database}`);
      }
      await admin.destroy();
    },
  };
}

function asDatabaseService(db: Knex): DatabaseService {
  return { getClient: async () => db, migrations: { skip: false } };
}

async function rawInsert(db: Knex, batch: DeploymentEvent[]) {
  const rows = rawRows(batch, Date.now());
  await db.transaction(async tx => {
    await tx.batchInsert('deployments', rows.deployments, RAW_CHUNK);
    await tx.batchInsert('deployment_commits', rows.commits, RAW_CHUNK);
  });
}

const elapsed = async (work: () => Promise<unknown>) => {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
};

async function bench(target: Target) {
  const [rawDb, ingestDb] = [await target.connect(), await target.connect()];
  try {
    // Both write into migrated, empty tables (and indexes).
    await DatabaseDeliveryStore.create({ database: asDatabaseService(rawDb) });
    const store = await DatabaseDeliveryStore.create({
      database: asDatabaseService(ingestDb),
    });
    const environments = readDeliveryEnvironments(new ConfigReader({}));
    const ingestion = new IngestionService({ store, environments });
    let rawSeconds = 0;
    let ingestSeconds = 0;
    for (const batch of eventBatches(TOTAL, BATCH)) {
      rawSeconds += await elapsed(() => rawInsert(rawDb, batch));
      ingestSeconds += await elapsed(async () => {
        const result = await ingestion.ingest(batch);
        if (result.rejected.length > 0) {
          throw new Error(
            `bench event rejected: ${JSON.stringify(result.rejected[0])}`,
          );
        }
      });
    }
    const stored = await ingestDb('deployments').count({ n: '*' }).first();
    if (Number(stored?.n) !== TOTAL) {
      throw new Error(
        `expected ${TOTAL} deployments stored, found ${stored?.n}`,
      );
    }
    const rawRate = TOTAL / rawSeconds;
    const ingestRate = TOTAL / ingestSeconds;
    console.log(
      `${target.name.padEnd(10)}  ingestion ${Math.round(ingestRate)
        .toString()
        .padStart(7)} events/s   raw insert ${Math.round(rawRate)
        .toString()
        .padStart(7)} events/s   ratio ${(ingestRate / rawRate).toFixed(2)}`,
    );
  } finally {
    await target.dispose();
  }
}

async function main() {
  console.log(
    `Ingesting ${TOTAL} deployment events (2 commits each) in batches of ${BATCH}; target ratio >= 0.80`,
  );
  for (const target of [sqliteTarget(), postgresTarget()]) {
    await bench(target);
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
