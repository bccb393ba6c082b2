import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { createDora } from '../__testUtils__/dora';
import { migrateDownThrough, migrationsDir } from '../__testUtils__/migrations';
import { randomHistory } from '../__testUtils__/messyDoraHistory';

const TOTALS_MIGRATION = '20261209000000_dora_entity_totals.js';
const DAY = 86_400_000;
const HOUR = 3_600_000;

jest.setTimeout(60_000);

const settings = {
  productionEnvironments: ['prod', 'prod-eu'],
  incidentAttributionWindowMs: 6 * 3_600_000,
};

type Counts = Record<string, number>;

// Each entity's counts per UTC day, straight from the derived rows.
async function countsPerDay(knex: Knex): Promise<Map<string, Counts>> {
  const result = await knex.raw(
    `SELECT entity_ref, day, sum(deployments) AS deployments, sum(failed) AS failed,
       sum(recovered) AS recovered, sum(recovered_under_hour) AS recovered_under_hour,
       sum(recovered_under_day) AS recovered_under_day,
       sum(recovered_under_week) AS recovered_under_week,
       sum(commits) AS commits, sum(commits_under_day) AS commits_under_day,
       sum(commits_under_week) AS commits_under_week,
       sum(commits_under_month) AS commits_under_month
     FROM (
       SELECT entity_ref, finished_at - finished_at % ${DAY} AS day,
         1 AS deployments, failed,
         CASE WHEN recovered_at IS NULL THEN 0 ELSE 1 END AS recovered,
         CASE WHEN recovered_at - finished_at < ${HOUR} THEN 1 ELSE 0 END AS recovered_under_hour,
         CASE WHEN recovered_at - finished_at < ${DAY} THEN 1 ELSE 0 END AS recovered_under_day,
         CASE WHEN recovered_at - finished_at < ${
           7 * DAY
         } THEN 1 ELSE 0 END AS recovered_under_week,
         0 AS commits, 0 AS commits_under_day, 0 AS commits_under_week, 0 AS commits_under_month
       FROM dora_deployments
       UNION ALL
       SELECT entity_ref, first_finished_at - first_finished_at % ${DAY},
         0, 0, 0, 0, 0, 0, 1,
         CASE WHEN first_finished_at - committed_at < ${DAY} THEN 1 ELSE 0 END,
         CASE WHEN first_finished_at - committed_at < ${
           7 * DAY
         } THEN 1 ELSE 0 END,
         CASE WHEN first_finished_at - committed_at < ${
           30 * DAY
         } THEN 1 ELSE 0 END
       FROM dora_commits WHERE committed_at IS NOT NULL
     ) counted
     GROUP BY entity_ref, day`,
  );
  return new Map(
    result.rows.map(({ entity_ref, day, ...counts }: Counts) => [
      `${entity_ref}@${day}`,
      Object.fromEntries(
        Object.entries(counts).map(([name, n]) => [name, Number(n)]),
      ),
    ]),
  );
}

// What each entity's rows of `table` add up to up to the end of each day
// that has a row or a count: running totals read as the last row, counts
// per day added up.
async function totalsByDay(
  knex: Knex,
  table: 'dora_entity_totals' | 'dora_entity_days',
  days: string[],
): Promise<Map<string, Counts>> {
  const rows = (
    await knex.raw(`SELECT * FROM ${table} ORDER BY entity_ref, day`)
  ).rows as Counts[];
  const totals = new Map<string, Counts>();
  for (const key of days) {
    const [ref, day] = key.split('@');
    const upTo = rows.filter(
      row =>
        row.entity_ref === (ref as never) && Number(row.day) <= Number(day),
    );
    const counted = (name: string) =>
      table === 'dora_entity_totals'
        ? Number(upTo[upTo.length - 1]?.[name] ?? 0)
        : upTo.reduce((sum, row) => sum + Number(row[name]), 0);
    totals.set(
      key,
      Object.fromEntries(
        Object.keys(rows[0])
          .filter(name => name !== 'entity_ref' && name !== 'day')
          .map(name => [name, counted(name)]),
      ),
    );
  }
  return totals;
}

// The expected totals: the counts per day added up, for the same days.
function expectedTotals(perDay: Map<string, Counts>, days: string[]) {
  return new Map(
    days.map(key => {
      const [ref, day] = key.split('@');
      const sum: Counts = {};
      for (const [other, counts] of perDay) {
        const [otherRef, otherDay] = other.split('@');
        if (otherRef === ref && Number(otherDay) <= Number(day)) {
          for (const [name, n] of Object.entries(counts)) {
            sum[name] = (sum[name] ?? 0) + n;
          }
        }
      }
      return [key, sum];
    }),
  );
}

describe("the running totals of each entity's DORA counts", () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'follow every ingestion in any order, and survive the migration down and up again, %p',
    async databaseId => {
      const { knex, ingest } = await createDora(databases, databaseId, {
        settings,
      });
      const events = randomHistory(43);
      const check = async (
        table: 'dora_entity_totals' | 'dora_entity_days',
      ) => {
        const perDay = await countsPerDay(knex);
        const rows = await knex(table).select('entity_ref', 'day');
        const days = [
          ...new Set([
            ...perDay.keys(),
            ...rows.map(row => `${row.entity_ref}@${row.day}`),
          ]),
        ];
        expect(days.length).toBeGreaterThan(5);
        expect(await totalsByDay(knex, table, days)).toEqual(
          expectedTotals(perDay, days),
        );
      };

      // Deployments and incidents out of order, some sent again changed.
      const half = Math.floor(events.length / 2);
      for (let start = 0; start < half; start += 7) {
        await ingest(events.slice(start, Math.min(start + 7, half)));
      }
      await check('dora_entity_totals');

      await migrateDownThrough(knex, TOTALS_MIGRATION);
      expect(await knex.schema.hasTable('dora_entity_totals')).toBe(false);
      await check('dora_entity_days');
      await ingest(events.slice(half, half + 7));
      await check('dora_entity_days');

      await knex.migrate.latest({ directory: migrationsDir });
      expect(await knex.schema.hasTable('dora_entity_days')).toBe(false);
      await check('dora_entity_totals');
      for (let start = half + 7; start < events.length; start += 7) {
        await ingest(events.slice(start, start + 7));
      }
      await check('dora_entity_totals');
    },
  );
});
