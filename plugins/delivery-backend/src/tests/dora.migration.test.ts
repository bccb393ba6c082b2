import { TestDatabases } from '@backstage/backend-test-utils';
import { resolve } from 'node:path';

const migrationsDir = resolve(__dirname, '../../migrations');
const DORA_MIGRATION = '20261122010000_dora.js';
const doraTables = [
  'dora_settings',
  'dora_deployments',
  'dora_incidents',
  'dora_commits',
];

jest.setTimeout(60_000);

describe('the DORA migration', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'adds the DORA tables, removes them on the way down and adds them again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const existing = async () => {
        const found: string[] = [];
        for (const table of doraTables) {
          if (await knex.schema.hasTable(table)) {
            found.push(table);
          }
        }
        return found;
      };

      await knex.migrate.latest({ directory: migrationsDir });
      expect(await existing()).toEqual(doraTables);
      await knex('dora_commits').insert({
        entity_ref: 'component:default/parking-api',
        sha: 'c1',
        first_deployment_id: 'run-1',
        first_finished_at: 1772449440000,
        committed_at: null,
      });
      const [row] = await knex('dora_commits').select('first_finished_at');
      expect(Number(row.first_finished_at)).toBe(1772449440000);

      await knex.migrate.down({
        directory: migrationsDir,
        name: DORA_MIGRATION,
      });
      expect(await existing()).toEqual([]);
      // The tables it derives from stay.
      expect(await knex.schema.hasTable('deployments')).toBe(true);

      await knex.migrate.up({ directory: migrationsDir, name: DORA_MIGRATION });
      expect(await existing()).toEqual(doraTables);
      expect(await knex('dora_commits')).toEqual([]);
    },
  );
});
