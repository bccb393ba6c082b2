import { TestDatabases } from '@backstage/backend-test-utils';
import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';
import { Knex } from 'knex';
import { BASE, commit, createDora, production } from '../../__testUtils__/dora';
import { randomHistory } from '../../__testUtils__/messyDoraHistory';
import { DatabaseDoraStore } from './DatabaseDoraStore';
import { DoraDerivationSettings } from './DoraDerivationSettings';
import { entityByDay } from './entityByDay';
import { everybodyByDay } from './everybodyByDay';
import { rebuildDoraTables } from './rebuildDoraTables';
import { aggregateWindowInPostgres } from './windowAggregate';

jest.setTimeout(120_000);

const DAY = 86_400_000;
const PARKING = 'component:default/parking-api';
const settings: DoraDerivationSettings = {
  productionEnvironments: ['prod', 'prod-eu'],
  incidentAttributionWindowMs: 6 * 3_600_000,
};

const edgesOf = (start: string, days: number, step = 1) =>
  Array.from(
    { length: Math.floor(days / step) + 1 },
    (_, i) => Date.parse(start) + i * step * DAY,
  );

async function keptDays(knex: Knex, entityRef: string) {
  const [{ count }] = (
    await knex.raw(
      'SELECT count(*) AS count FROM dora_entity_day_figures WHERE entity_ref = ?',
      [entityRef],
    )
  ).rows;
  return Number(count);
}

describe('entityByDay', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'gives the counts and percentile_cont exactly, from its figures per day, computed or kept, as events arrive and after a rebuild, %p',
    async databaseId => {
      const { knex, ingest } = await createDora(databases, databaseId, {
        settings,
      });
      const random = new SeededRandom(7);
      const windows = [
        edgesOf('2026-03-01', 2),
        edgesOf('2026-03-02', 8),
        edgesOf('2026-02-23', 28, 7),
        // One bucket over the whole window.
        [Date.parse('2026-02-01'), Date.parse('2026-04-01')],
      ];
      const compare = async () => {
        const entityRefs = await new DatabaseDoraStore(knex).listEntityRefs();
        expect(entityRefs.length).toBeGreaterThan(1);
        for (const entityRef of entityRefs) {
          for (const edges of windows) {
            // From the window's rows, with percentile_cont.
            const expected = await aggregateWindowInPostgres(knex, edges, [
              entityRef,
            ]);
            // Computed from the rows of the day, then kept and read again.
            expect(await entityByDay(knex, entityRef, edges)).toEqual(expected);
            expect(await entityByDay(knex, entityRef, edges)).toEqual(expected);
          }
        }
        // Everybody's, to see that the history has what the checks need.
        return aggregateWindowInPostgres(knex, windows[3], entityRefs);
      };

      for (let seed = 1; seed <= 4; seed++) {
        const events = randomHistory(400 + seed);
        for (let start = 0; start < events.length; ) {
          const size = random.integer(1, 15);
          await ingest(events.slice(start, start + size));
          start += size;
        }
        const { total } = await compare();
        expect(total.leadTimeCommits).toBeGreaterThan(5);
        expect(total.failedDeployments).toBeGreaterThan(0);
      }
      // Each day anybody delivered on is kept for each entity read.
      const [someone] = await new DatabaseDoraStore(knex).listEntityRefs();
      const [{ days }] = (
        await knex.raw('SELECT count(*) AS days FROM dora_days')
      ).rows;
      expect(Number(days)).toBeGreaterThan(3);
      expect(await keptDays(knex, someone)).toBe(Number(days));
      await knex.transaction(tx => rebuildDoraTables(tx, settings));
      await compare();
    },
  );

  it.each(databases.eachSupportedId())(
    "keeps a day's figures once read, and computes the day again when a change falls on it, %p",
    async databaseId => {
      const { knex, ingest } = await createDora(databases, databaseId, {
        settings,
      });
      await ingest([
        production('a', 2, { commits: [commit('a1', -8)] }),
        production('b', 5, { commits: [commit('b1', -20)] }),
        production('c', 9, { commits: [commit('c1', 1)] }),
      ]);
      const edges = [0, 1, 2].map(i => BASE + i * DAY);

      const first = await entityByDay(knex, PARKING, edges);
      expect(first).toEqual(
        await aggregateWindowInPostgres(knex, edges, [PARKING]),
      );
      expect(await keptDays(knex, PARKING)).toBe(1);

      // What is kept is what the next read gives for the day.
      await knex.raw(
        `UPDATE dora_entity_day_figures SET lead_time_median = 1
         WHERE entity_ref = ? AND day = ?`,
        [PARKING, BASE],
      );
      expect(
        (await entityByDay(knex, PARKING, edges)).buckets[0].leadTimeMedianMs,
      ).toBe(1);
      // Everybody's read keeping the day's percentiles changes nothing of it.
      await everybodyByDay(knex, edges);
      expect(
        (await entityByDay(knex, PARKING, edges)).buckets[0].leadTimeMedianMs,
      ).toBe(1);

      // The median's commit made a minute earlier: the day's counts stay the
      // same, its median does not, and the day is computed again.
      await ingest([
        production('a', 2, { commits: [commit('a1', -8 - 1 / 60)] }),
      ]);
      const again = await entityByDay(knex, PARKING, edges);
      expect(again).toEqual(
        await aggregateWindowInPostgres(knex, edges, [PARKING]),
      );
      expect(again.buckets[0].leadTimeMedianMs).toBe(
        first.buckets[0].leadTimeMedianMs! + 60_000,
      );

      // Another entity's change on the day makes it computed again too
      // (the day's version is everybody's), with the same figures.
      await knex.raw(
        `UPDATE dora_entity_day_figures SET lead_time_median = 1
         WHERE entity_ref = ? AND day = ?`,
        [PARKING, BASE],
      );
      await ingest([
        production('other', 3, {
          entityRef: 'component:default/lighting-api',
          commits: [commit('o1', 0)],
        }),
      ]);
      expect(await entityByDay(knex, PARKING, edges)).toEqual(again);
    },
  );
});
