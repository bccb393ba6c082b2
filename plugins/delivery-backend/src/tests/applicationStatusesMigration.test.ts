import {
  migrationTestDatabases,
  migrationsDir,
} from '../__testUtils__/migrations';

const MIGRATION = '20261207020000_application_statuses.js';

jest.setTimeout(60_000);

describe('the application statuses migration', () => {
  const databases = migrationTestDatabases();

  it.each(databases.eachSupportedId())(
    'creates the table, drops it on the way down and creates it again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await knex.migrate.latest({ directory: migrationsDir });
      await knex('application_statuses').insert({
        entity_ref: 'component:default/parking-api',
        environment: 'prod',
        source: 'argocd',
        name: 'parking-api-prod',
        sync_status: 'Synced',
        health_status: 'Healthy',
        observed_at: 1772449440000,
      });
      const [row] = await knex('application_statuses').select('observed_at');
      expect(Number(row.observed_at)).toBe(1772449440000);

      await knex.migrate.down({ directory: migrationsDir, name: MIGRATION });
      expect(await knex.schema.hasTable('application_statuses')).toBe(false);

      await knex.migrate.up({ directory: migrationsDir, name: MIGRATION });
      expect(await knex('application_statuses').pluck('name')).toEqual([]);
    },
  );
});
