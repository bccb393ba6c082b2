import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { createDora } from '../__testUtils__/dora';
import { migrateDownThrough, migrationsDir } from '../__testUtils__/migrations';
import { randomHistory } from '../__testUtils__/messyDoraHistory';

const DAYS_MIGRATION = '20261208010000_dora_days.js';
// Later, and undone first (with those after it): it keeps the counts per
// entity as running totals.
const TOTALS_MIGRATION = '20261209000000_dora_entity_totals.js';

jest.setTimeout(60_000);

const settings = {
  productionEnvironments: ['prod', 'prod-eu'],
  incidentAttributionWindowMs: 6 * 3_600_000,
};

// The non-empty rows of both tables, in a stable order.
async function dayRows(knex: Knex) {
  const days = await knex.raw(
    `SELECT day, deployments, rework, failed, open_failures, recovered, commits,
       array_to_string(lead_time_buckets, ',', '0') AS lead_times,
       array_to_string(recovery_buckets, ',', '0') AS recoveries
     FROM dora_days
     WHERE deployments <> 0 OR commits <> 0 ORDER BY day`,
  );
  const entityDays = await knex.raw(
    `SELECT * FROM dora_entity_days
     WHERE deployments <> 0 OR commits <> 0 ORDER BY day, entity_ref`,
  );
  // Trailing empty buckets aside, as an array grown and one counted at once differ there.
  const trimmed = (list: string) => list.replace(/(,0)+$/, '');
  return {
    days: days.rows.map((row: Record<string, string>) => ({
      ...row,
      lead_times: trimmed(row.lead_times),
      recoveries: trimmed(row.recoveries),
    })),
    entityDays: entityDays.rows,
  };
}

describe('the DORA days migration', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'counts the rows already derived, and gives back dora_lead_time_days on the way down, %p',
    async databaseId => {
      const { knex, ingest } = await createDora(databases, databaseId, {
        settings,
      });
      const events = randomHistory(41);
      for (let start = 0; start < events.length; start += 7) {
        await ingest(events.slice(start, start + 7));
      }
      await migrateDownThrough(knex, TOTALS_MIGRATION);
      const kept = await dayRows(knex);
      expect(kept.days.length).toBeGreaterThan(3);

      await knex.migrate.down({
        directory: migrationsDir,
        name: DAYS_MIGRATION,
      });
      expect(await knex.schema.hasTable('dora_days')).toBe(false);
      const [{ counted, commits }] = (
        await knex.raw(
          `SELECT (SELECT sum(commits) FROM dora_lead_time_days) AS counted,
             (SELECT count(*) FROM dora_commits WHERE committed_at IS NOT NULL) AS commits`,
        )
      ).rows;
      expect(Number(counted)).toBe(Number(commits));

      await knex.migrate.up({ directory: migrationsDir, name: DAYS_MIGRATION });
      expect(await dayRows(knex)).toEqual(kept);
      expect(await knex.schema.hasTable('dora_lead_time_days')).toBe(false);
    },
  );
});
