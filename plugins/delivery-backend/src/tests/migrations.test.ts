import {
  expectMigrationRoundTrip,
  migrationTestDatabases,
  migrationsDir,
} from '../__testUtils__/migrations';

const tables = ['deployments', 'deployment_commits', 'incidents'];

jest.setTimeout(60_000);

describe('migrations', () => {
  const databases = migrationTestDatabases();

  it.each(databases.eachSupportedId())(
    'applies, rolls back and applies again every migration, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await expectMigrationRoundTrip(knex, {
        tables,
        populate: async () => {
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
        },
        rollBack: async () => {
          await knex.migrate.rollback({ directory: migrationsDir }, true);
        },
      });
    },
  );
});
