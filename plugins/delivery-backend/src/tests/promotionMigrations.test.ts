import {
  expectMigrationRoundTrip,
  migrationTestDatabases,
  migrationsDir,
} from '../__testUtils__/migrations';

const PROMOTIONS_MIGRATION = '20261122020000_promotions.js';
const tables = [
  'promotions',
  'promotion_transitions',
  'promotion_approvals',
  'freeze_windows',
  'rolled_back_versions',
];

jest.setTimeout(60_000);

describe('the promotions migration', () => {
  const databases = migrationTestDatabases();

  it.each(databases.eachSupportedId())(
    'applies, rolls back and applies again, leaving the other tables, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await expectMigrationRoundTrip(knex, {
        tables,
        populate: async () => {
          await knex('promotions').insert({
            id: 'p1',
            entity_ref: 'component:default/parking-api',
            environment: 'prod',
            version: '1.2.0',
            trigger: 'promotion',
            reason: 'Release',
            state: 'pending_approval',
            requested_by: 'user:default/engineer',
            requested_at: 1772449200000,
            updated_at: 1772449200000,
            required_approvals: 1,
            approvers: '["group:default/platform-admins"]',
            allow_self_approval: false,
            open_key: 'component:default/parking-api|prod',
          });
          await knex('promotion_transitions').insert({
            promotion_id: 'p1',
            to_state: 'pending_approval',
            actor: 'user:default/engineer',
            at: 1772449200000,
          });
          // A second open promotion of the same entity into the same environment is refused.
          await expect(
            knex('promotions').insert({
              id: 'p2',
              entity_ref: 'component:default/parking-api',
              environment: 'prod',
              version: '1.3.0',
              trigger: 'promotion',
              reason: 'Release',
              state: 'pending_approval',
              requested_by: 'user:default/engineer',
              requested_at: 1772449200000,
              updated_at: 1772449200000,
              required_approvals: 1,
              approvers: '[]',
              allow_self_approval: false,
              open_key: 'component:default/parking-api|prod',
            }),
            // Not toThrow(): the SQLite driver's errors come from another realm.
          ).rejects.toHaveProperty('message', expect.stringMatching(/unique/i));
        },
        // Rolls back this migration only.
        rollBack: async () => {
          while (
            (await knex.migrate.list({ directory: migrationsDir }))[0].some(
              (done: { name?: string; file?: string } | string) =>
                (typeof done === 'string' ? done : done.name ?? done.file) ===
                PROMOTIONS_MIGRATION,
            )
          ) {
            await knex.migrate.down({ directory: migrationsDir });
          }
          expect(await knex.schema.hasTable('deployments')).toBe(true);
        },
      });
    },
  );
});
