import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { resolve } from 'node:path';

/** The plugin's migrations. */
export const migrationsDir = resolve(__dirname, '../../migrations');

/** The databases migrations are tested on; create them inside a `describe`. */
export const migrationTestDatabases = () =>
  TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/** Which of the tables exist, in the order given. */
export async function existingTables(
  knex: Knex,
  tables: string[],
): Promise<string[]> {
  const found: string[] = [];
  for (const table of tables) {
    if (await knex.schema.hasTable(table)) {
      found.push(table);
    }
  }
  return found;
}

/**
 * Checks migrations up, down and up again on an empty database: migrating to
 * the latest creates the tables, `populate` stores rows in them, `rollBack`
 * removes them all, and migrating again creates them anew, with the first
 * one empty.
 */
export async function expectMigrationRoundTrip(
  knex: Knex,
  check: {
    tables: string[];
    populate: () => Promise<void>;
    rollBack: () => Promise<void>;
  },
): Promise<void> {
  const { tables } = check;
  await knex.migrate.latest({ directory: migrationsDir });
  expect(await existingTables(knex, tables)).toEqual(tables);
  await check.populate();

  await check.rollBack();
  expect(await existingTables(knex, tables)).toEqual([]);

  await knex.migrate.latest({ directory: migrationsDir });
  expect(await existingTables(knex, tables)).toEqual(tables);
  expect(await knex(tables[0])).toEqual([]);
}

/** Undoes the plugin's migrations from the newest back to `name`, that one included. */
export async function migrateDownThrough(
  knex: Knex,
  name: string,
): Promise<void> {
  for (;;) {
    const [completed] = await knex.migrate.list({ directory: migrationsDir });
    const names = completed.map((migration: string | { name: string }) =>
      typeof migration === 'string' ? migration : migration.name,
    );
    if (!names.includes(name)) {
      return;
    }
    await knex.migrate.down({ directory: migrationsDir });
  }
}
