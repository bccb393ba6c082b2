import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { resolve } from 'node:path';

const migrationsDir = resolve(__dirname, '../../migrations');
const tables = ['deployments', 'deployment_commits', 'incidents'];

jest.setTimeout(60_000);

async function existingTables(knex: Knex): Promise<string[]> {
  const found: string[] = [];
  for (const table of tables) {
    if (await knex.schema.hasTable(table)) {
      found.push(table);
    }
  }
  return found;
}

describe('migrations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'applies, rolls back and applies again every migration, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await knex.migrate.latest({ directory: migrationsDir });
      expect(await existingTables(knex)).toEqual(tables);
      await knex('deployments').insert({
        id: 'run-1',
        entity_ref: 'component:default/parking-api',
        environment: 'prod',
        version: '1.0.0',
        commit_sha: 'c1',
        status: 'succeeded',
        trigger: 'pipeline',
        started_at: 1772449200000,
        finished_at: 1772449440000,
        sort_at: 1772449440000,
        received_at: 1772449440000,
        updated_at: 1772449440000,
      });
      await knex('deployment_commits').insert({
        deployment_id: 'run-1',
        sha: 'c1',
        committed_at: null,
      });
      // Millisecond timestamps beyond 2^31 survive on both databases.
      const [row] = await knex('deployments').select('finished_at');
      expect(Number(row.finished_at)).toBe(1772449440000);

      await knex.migrate.rollback({ directory: migrationsDir }, true);
      expect(await existingTables(knex)).toEqual([]);

      await knex.migrate.latest({ directory: migrationsDir });
      expect(await existingTables(knex)).toEqual(tables);
      expect(await knex('deployments')).toEqual([]);
    },
  );
});
