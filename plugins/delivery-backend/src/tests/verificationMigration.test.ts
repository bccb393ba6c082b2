import {
  migrationTestDatabases,
  migrationsDir,
} from '../__testUtils__/migrations';

const MIGRATION = '20261206010000_deployment_verifications.js';

jest.setTimeout(60_000);

describe('the deployment verifications migration', () => {
  const databases = migrationTestDatabases();

  it.each(databases.eachSupportedId())(
    'creates the table, drops it on the way down and creates it again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await knex.migrate.latest({ directory: migrationsDir });
      await knex('deployment_verifications').insert({
        deployment_id: 'run-1',
        entity_ref: 'component:default/parking-api',
        environment: 'staging',
        version: '1.0.0',
        state: 'running',
        checks: '[]',
        started_at: 1772449440000,
        next_check_at: 1772449440000,
      });
      const [row] = await knex('deployment_verifications').select(
        'next_check_at',
      );
      expect(Number(row.next_check_at)).toBe(1772449440000);

      await knex.migrate.down({ directory: migrationsDir, name: MIGRATION });
      expect(await knex.schema.hasTable('deployment_verifications')).toBe(
        false,
      );

      await knex.migrate.up({ directory: migrationsDir, name: MIGRATION });
      expect(
        await knex('deployment_verifications').pluck('deployment_id'),
      ).toEqual([]);
    },
  );
});
