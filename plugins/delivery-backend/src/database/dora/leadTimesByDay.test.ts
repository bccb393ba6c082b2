import { TestDatabases } from '@backstage/backend-test-utils';
import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';
import { Knex } from 'knex';
import { createDora } from '../../__testUtils__/dora';
import { randomHistory } from '../../__testUtils__/messyDoraHistory';
import { DoraDerivationSettings } from './DoraDerivationSettings';
import { leadTimesByDay } from './leadTimesByDay';
import { rebuildDoraTables } from './rebuildDoraTables';

jest.setTimeout(120_000);

const DAY = 86_400_000;
const settings: DoraDerivationSettings = {
  productionEnvironments: ['prod', 'prod-eu'],
  incidentAttributionWindowMs: 6 * 3_600_000,
};

// percentile_cont over the window's sorted lead times: what the counts per
// day must reproduce exactly.
async function sortedFigures(knex: Knex, from: number, to: number) {
  const result = await knex.raw(
    `SELECT count(*) AS commits,
       percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY first_finished_at - committed_at) AS lead_time
     FROM dora_commits
     WHERE first_finished_at >= ? AND first_finished_at < ? AND committed_at IS NOT NULL`,
    [from, to],
  );
  const [row] = result.rows;
  return {
    commits: Number(row.commits),
    median: row.lead_time ? Number(row.lead_time[0]) : null,
    p90: row.lead_time ? Number(row.lead_time[1]) : null,
  };
}

describe('leadTimesByDay', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'gives percentile_cont exactly, from the counts per day, as events arrive and after a rebuild, %p',
    async databaseId => {
      const { knex, ingest } = await createDora(databases, databaseId, {
        settings,
      });
      const random = new SeededRandom(5);
      const compare = async () => {
        const first = Date.parse('2026-03-01');
        for (const days of [2, 3, 8]) {
          const edges = Array.from(
            { length: days + 1 },
            (_, i) => first + i * DAY,
          );
          const figures = await leadTimesByDay(knex, edges);
          const expected = await Promise.all([
            sortedFigures(knex, edges[0], edges[days]),
            ...edges
              .slice(1)
              .map((edge, i) => sortedFigures(knex, edges[i], edge)),
          ]);
          expect(figures).toEqual(expected);
          expect(figures[0].median).not.toBeNull();
        }
        return (await sortedFigures(knex, 0, Number.MAX_SAFE_INTEGER)).commits;
      };

      for (let seed = 1; seed <= 4; seed++) {
        const events = randomHistory(300 + seed);
        for (let start = 0; start < events.length; ) {
          const size = random.integer(1, 15);
          await ingest(events.slice(start, start + size));
          start += size;
        }
        expect(await compare()).toBeGreaterThan(5);
      }
      await knex.transaction(tx => rebuildDoraTables(tx, settings));
      await compare();
    },
  );
});
