import { Knex } from 'knex';
import {
  migrationTestDatabases,
  migrationsDir,
} from '../__testUtils__/migrations';

const MIGRATION = '20261123000000_deployment_status_history.js';
const INDEX = 'deployments_status_history_idx';

jest.setTimeout(60_000);

// Whether the deployments table has the index, asked of each database's catalog.
async function hasIndex(knex: Knex): Promise<boolean> {
  if (knex.client.config.client === 'pg') {
    const { rows } = await knex.raw(
      'select 1 from pg_indexes where tablename = ? and indexname = ?',
      ['deployments', INDEX],
    );
    return rows.length > 0;
  }
  const rows = await knex.raw(
    "select 1 from sqlite_master where type = 'index' and tbl_name = ? and name = ?",
    ['deployments', INDEX],
  );
  return rows.length > 0;
}

describe('the status history index migration', () => {
  const databases = migrationTestDatabases();

  it.each(databases.eachSupportedId())(
    'adds the index, drops it on the way down and adds it again, keeping the rows, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await knex.migrate.latest({ directory: migrationsDir });
      expect(await hasIndex(knex)).toBe(true);
      await knex('deployments').insert({
        id: 'run-1',
        entity_ref: 'component:default/parking-api',
        environment: 'prod',
        version: '1.0.0',
        commit_sha: 'c1',
        status: 'failed',
        trigger: 'pipeline',
        started_at: 1772449200000,
        finished_at: 1772449440000,
        sort_at: 1772449440000,
        received_at: 1772449440000,
        updated_at: 1772449440000,
      });

      await knex.migrate.down({ directory: migrationsDir, name: MIGRATION });
      expect(await hasIndex(knex)).toBe(false);
      expect(await knex('deployments').pluck('id')).toEqual(['run-1']);

      await knex.migrate.up({ directory: migrationsDir, name: MIGRATION });
      expect(await hasIndex(knex)).toBe(true);
      expect(
        await knex('deployments').where('status', 'failed').pluck('id'),
      ).toEqual(['run-1']);
    },
  );
});
