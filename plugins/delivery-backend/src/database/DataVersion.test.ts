import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { migrationsDir } from '../__testUtils__/migrations';
import { DataVersion, versionOf } from './DataVersion';

jest.setTimeout(60_000);

// Tables whose writes need no note of their own: the migrations' own, the
// notes of writes themselves, and the counts per day that the triggers of
// dora_deployments and dora_commits keep in the same statements.
const NOT_VERSIONED = [
  'knex_migrations',
  'knex_migrations_lock',
  'delivery_data_changes',
  'dora_days',
  'dora_entity_totals',
  // Written by reads: figures of data that the versioned tables hold.
  'dora_entity_day_figures',
];

const halt = (id: string) => ({
  id,
  scope: `component:default/${id}`,
  reason: 'test',
  created_by: 'user:default/jdoe',
  created_at: 0,
});

// The newest noted write of a version. Where a test expects the version to
// hold, it compares this: transactions of other databases on the same
// server (other tests' ones, here) that are in flight count in the version
// too and may end meanwhile.
const newestWrite = (version: string) => version.split(':')[0];

describe('DataVersion', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
  let knex: Knex;
  let other: Knex;

  beforeEach(async () => {
    knex = await databases.init('POSTGRES_15');
    await knex.migrate.latest({ directory: migrationsDir });
    // A second client of the same database: another replica.
    other = knexFactory(knex.client.config);
  });

  afterEach(async () => {
    await other.destroy();
  });

  it('changes with each committed write, on whichever replica, and not with reads or rollbacks', async () => {
    const version = DataVersion.of(knex)!;
    const start = await version.current();
    await knex('halts').select();
    expect(newestWrite(await version.current())).toBe(newestWrite(start));

    await other('halts').insert(halt('a'));
    const afterWrite = await version.current();
    expect(afterWrite).not.toBe(start);

    await other
      .transaction(async tx => {
        await tx('halts').insert(halt('b'));
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(newestWrite(await version.current())).toBe(newestWrite(afterWrite));

    await other('halts').where({ id: 'a' }).delete();
    expect(await version.current()).not.toBe(afterWrite);
  });

  it('changes when a transaction commits after a newer one did', async () => {
    const version = DataVersion.of(knex)!;
    const older = await other.transaction();
    await older('halts').insert(halt('older'));
    await knex('halts').insert(halt('newer'));
    const withNewer = await version.current();

    await older.commit();
    const withBoth = await version.current();
    expect(withBoth).not.toBe(withNewer);
    await expect(knex('halts').pluck('id')).resolves.toEqual(
      expect.arrayContaining(['older', 'newer']),
    );
  });

  it("holds while another database's transactions start and end", async () => {
    const version = DataVersion.of(knex)!;
    await knex('halts').insert(halt('first'));
    // A database of its own on the same server, as the catalog's is.
    const elsewhere = await databases.init('POSTGRES_15');
    await elsewhere.schema.createTable('rows', table => table.string('id'));
    const running = await elsewhere.transaction();
    try {
      await running('rows').insert({ id: 'x' });
      // A write here after it: its id is older than the newest noted one.
      await knex('halts').insert(halt('second'));
      const before = await version.current();
      await running.commit();
      expect(await version.current()).toBe(before);
    } finally {
      if (!running.isCompleted()) {
        await running.rollback();
      }
    }
  });

  it('keeps its value when the notes of older writes are pruned', async () => {
    const version = DataVersion.of(knex)!;
    for (const id of ['a', 'b', 'c']) {
      await knex('halts').insert(halt(id));
    }
    const before = await version.current();
    await expect(version.prune()).resolves.toBeGreaterThanOrEqual(2);
    expect(newestWrite(await version.current())).toBe(newestWrite(before));
    await expect(knex('delivery_data_changes').count()).resolves.toEqual([
      { count: '1' },
    ]);
  });

  it('is told of writes to every table of the plugin', async () => {
    const { rows } = await knex.raw(
      `SELECT t.tablename AS table,
         EXISTS (SELECT 1 FROM pg_trigger g
           WHERE g.tgrelid = t.tablename::regclass
             AND g.tgname = 'delivery_data_changed') AS noted
       FROM pg_tables t WHERE t.schemaname = current_schema()`,
    );
    const unnoted = rows
      .filter((row: { table: string; noted: boolean }) => !row.noted)
      .map((row: { table: string }) => row.table)
      .filter((table: string) => !NOT_VERSIONED.includes(table));
    expect(unnoted).toEqual([]);
    expect(rows.length).toBeGreaterThan(NOT_VERSIONED.length + 10);
  });

  it('is none on SQLite, which one process owns', async () => {
    const sqlite = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    try {
      expect(DataVersion.of(sqlite)).toBeUndefined();
    } finally {
      await sqlite.destroy();
    }
  });
});

describe('versionOf', () => {
  it("leaves out other databases' transactions also after the ids wrapped around", () => {
    // Epoch 1: the snapshot's 64-bit ids are 2^32 above the 32-bit ones
    // pg_stat_activity shows.
    const epoch = 2 ** 32;
    const snapshot = `${epoch + 100}:${epoch + 300}:${epoch + 100},${
      epoch + 150
    }`;
    expect(versionOf(String(epoch + 200), snapshot, ['100'])).toBe(
      `${epoch + 200}:${epoch + 150}`,
    );
    expect(versionOf(String(epoch + 200), snapshot, [])).toBe(
      `${epoch + 200}:${epoch + 100}:${epoch + 150}`,
    );
    expect(versionOf(null, '5:5:', [])).toBe('0');
  });
});
