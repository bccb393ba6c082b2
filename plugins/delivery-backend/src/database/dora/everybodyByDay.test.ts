import { TestDatabases } from '@backstage/backend-test-utils';
import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';
import { Knex } from 'knex';
import { BASE, commit, createDora, production } from '../../__testUtils__/dora';
import { randomHistory } from '../../__testUtils__/messyDoraHistory';
import { DatabaseDoraStore } from './DatabaseDoraStore';
import { DoraDerivationSettings } from './DoraDerivationSettings';
import { everybodyByDay } from './everybodyByDay';
import { rebuildDoraTables } from './rebuildDoraTables';

jest.setTimeout(120_000);

const DAY = 86_400_000;
const settings: DoraDerivationSettings = {
  productionEnvironments: ['prod', 'prod-eu'],
  incidentAttributionWindowMs: 6 * 3_600_000,
};

// percentile_cont and counts over the window's deployments and commits: the
// store's path for a list of entities, here every entity there is.
async function sortedFigures(knex: Knex, edges: number[]) {
  const store = new DatabaseDoraStore(knex);
  return store.aggregate({ edges, entityRefs: await store.listEntityRefs() });
}

describe('everybodyByDay', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'gives the counts and percentile_cont exactly, from the rows per day, as events arrive and after a rebuild, %p',
    async databaseId => {
      const { knex, ingest } = await createDora(databases, databaseId, {
        settings,
      });
      const random = new SeededRandom(5);
      const compare = async () => {
        for (const [start, days] of [
          ['2026-03-01', 2],
          ['2026-03-01', 3],
          ['2026-03-02', 8],
          ['2026-02-20', 30],
        ] as const) {
          const edges = Array.from(
            { length: days + 1 },
            (_, i) => Date.parse(start) + i * DAY,
          );
          const figures = await everybodyByDay(knex, edges);
          expect(figures).toEqual(await sortedFigures(knex, edges));
          expect(figures.total.leadTimeMedianMs).not.toBeNull();
        }
        // A whole window of one bucket, too.
        const edges = [Date.parse('2026-02-01'), Date.parse('2026-04-01')];
        const figures = await everybodyByDay(knex, edges);
        expect(figures).toEqual(await sortedFigures(knex, edges));
        return figures.total;
      };

      for (let seed = 1; seed <= 4; seed++) {
        const events = randomHistory(300 + seed);
        for (let start = 0; start < events.length; ) {
          const size = random.integer(1, 15);
          await ingest(events.slice(start, start + size));
          start += size;
        }
        const total = await compare();
        expect(total.leadTimeCommits).toBeGreaterThan(5);
        expect(total.failedDeployments).toBeGreaterThan(2);
        expect(total.recoveryMedianMs).not.toBeNull();
      }
      await knex.transaction(tx => rebuildDoraTables(tx, settings));
      await compare();
      // Nothing left over from the rows the rebuild replaced.
      const [{ count }] = (
        await knex.raw(
          `SELECT count(*) AS count FROM dora_days
           WHERE deployments <> 0 OR commits <> 0 OR failed <> 0 OR recovered <> 0`,
        )
      ).rows;
      const [{ days }] = (
        await knex.raw(
          `SELECT count(DISTINCT day) AS days FROM (
             SELECT finished_at - finished_at % ${DAY} AS day FROM dora_deployments
             UNION SELECT first_finished_at - first_finished_at % ${DAY} FROM dora_commits
             WHERE committed_at IS NOT NULL) d`,
        )
      ).rows;
      expect(Number(count)).toBe(Number(days));
    },
  );

  it.each(databases.eachSupportedId())(
    "keeps each day's percentiles once read, and forgets them when a change falls on that day, %p",
    async databaseId => {
      const { knex, ingest } = await createDora(databases, databaseId, {
        settings,
      });
      // Day 0 of the scenario: three deployments, three lead times.
      const deployments = [
        production('a', 2, { commits: [commit('a1', -8)] }),
        production('b', 5, { commits: [commit('b1', -20)] }),
        production('c', 9, { commits: [commit('c1', 1)] }),
      ];
      await ingest(deployments);
      const edges = [0, 1, 2].map(i => BASE + i * DAY);
      const kept = async () =>
        (
          await knex.raw(
            'SELECT lead_time_median, lead_time_p90 FROM dora_days WHERE day = ?',
            [BASE],
          )
        ).rows[0];

      const first = await everybodyByDay(knex, edges);
      expect(first).toEqual(await sortedFigures(knex, edges));
      expect(await kept()).toEqual({
        lead_time_median: first.buckets[0].leadTimeMedianMs,
        lead_time_p90: first.buckets[0].leadTimeP90Ms,
      });

      // A kept percentile is what the next read gives for the day.
      await knex.raw(
        'UPDATE dora_days SET lead_time_median = 1 WHERE day = ?',
        [BASE],
      );
      expect(
        (await everybodyByDay(knex, edges)).buckets[0].leadTimeMedianMs,
      ).toBe(1);

      // The median's commit made a minute earlier: the day's counts stay the
      // same (its value stays in its bucket), its median does not, and what
      // was kept is forgotten.
      await ingest([
        production('a', 2, { commits: [commit('a1', -8 - 1 / 60)] }),
      ]);
      expect(await kept()).toEqual({
        lead_time_median: null,
        lead_time_p90: null,
      });
      const again = await everybodyByDay(knex, edges);
      expect(again).toEqual(await sortedFigures(knex, edges));
      expect(again.buckets[0].leadTimeMedianMs).toBe(
        first.buckets[0].leadTimeMedianMs! + 60_000,
      );
    },
  );
});
