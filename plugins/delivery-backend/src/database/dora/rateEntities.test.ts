import { TestDatabases } from '@backstage/backend-test-utils';
import {
  leadTimeTier,
  recoveryTier,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';
import { Knex } from 'knex';
import {
  commit,
  createDora,
  incident,
  production,
} from '../../__testUtils__/dora';
import { randomHistory } from '../../__testUtils__/messyDoraHistory';
import { aggregateByEntity } from './aggregateByEntity';
import { DoraDerivationSettings } from './DoraDerivationSettings';
import { DoraRating } from './DoraStore';
import { rateEntities } from './rateEntities';
import { rebuildDoraTables } from './rebuildDoraTables';

jest.setTimeout(120_000);

const DAY = 86_400_000;
const settings: DoraDerivationSettings = {
  productionEnvironments: ['prod', 'prod-eu'],
  incidentAttributionWindowMs: 6 * 3_600_000,
};
const ENTITIES = ['a', 'b', 'c', 'parking-api', 'none'].map(
  name => `component:default/${name}`,
);

// The tiers of the medians percentile_cont takes over the window's rows.
async function exactRatings(
  knex: Knex,
  from: number,
  to: number,
): Promise<Map<string, DoraRating>> {
  const aggregates = await aggregateByEntity(knex, {
    from,
    to,
    entityRefs: ENTITIES,
  });
  const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);
  return new Map(
    [...aggregates].map(([ref, aggregate]) => [
      ref,
      {
        deployments: aggregate.deployments,
        failedDeployments: aggregate.failedDeployments,
        leadTime: leadTimeTier(seconds(aggregate.leadTimeMedianMs)),
        recovery: recoveryTier(seconds(aggregate.recoveryMedianMs)),
      },
    ]),
  );
}

async function compare(knex: Knex, windows: Array<[string, number]>) {
  const tiers = new Set<string>();
  for (const [start, days] of windows) {
    const from = Date.parse(start);
    const to = from + days * DAY;
    const ratings = await rateEntities(knex, {
      from,
      to,
      entityRefs: ENTITIES,
    });
    expect(ratings).toEqual(await exactRatings(knex, from, to));
    for (const rating of ratings.values()) {
      tiers.add(`lead time ${rating.leadTime}`);
      tiers.add(`recovery ${rating.recovery}`);
    }
  }
  return tiers;
}

describe('rateEntities', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'rates each entity as the tiers of its percentile_cont medians, as events arrive and after a rebuild, %p',
    async databaseId => {
      const { knex, ingest } = await createDora(databases, databaseId, {
        settings,
      });
      const random = new SeededRandom(11);
      const windows: Array<[string, number]> = [
        ['2026-03-01', 1],
        ['2026-03-02', 1],
        ['2026-03-03', 2],
        ['2026-03-04', 3],
        ['2026-03-01', 8],
        ['2026-02-20', 30],
        ['2026-02-27', 12],
        ['2026-01-20', 80],
      ];
      const seen = new Set<string>();
      for (let seed = 1; seed <= 4; seed++) {
        const events = randomHistory(700 + seed);
        for (let start = 0; start < events.length; ) {
          const size = random.integer(1, 15);
          await ingest(events.slice(start, start + size));
          start += size;
        }
        for (const tier of await compare(knex, windows)) {
          seen.add(tier);
        }
      }
      await knex.transaction(tx => rebuildDoraTables(tx, settings));
      await compare(knex, windows);
      // The histories reach several tiers of both medians.
      expect(
        [...seen].filter(tier => tier.startsWith('lead time')).length,
      ).toBeGreaterThanOrEqual(3);
      expect(
        [...seen].filter(tier => tier.startsWith('recovery')).length,
      ).toBeGreaterThanOrEqual(3);
    },
  );

  it.each(databases.eachSupportedId())(
    'rates a median between two values on either side of a boundary from the values, %p',
    async databaseId => {
      const { knex, ingest } = await createDora(databases, databaseId, {
        settings,
      });
      // 2 March: lead times of 22 h and 25 h (median 23.5 h: elite), a
      // recovery of 36 min; 5 March: 23 h and 25 h (median 24 h, a day:
      // high), a recovery of 2 h. Both: 24 h (high), 78 min (high).
      await ingest([
        production('P1', 20, { commits: [commit('c1', -2), commit('c2', -5)] }),
        production('P2', 80, { commits: [commit('c3', 57), commit('c4', 55)] }),
        incident('I1', 20.1, 20.6, { deploymentId: 'P1' }),
        incident('I2', 80.1, 82, { deploymentId: 'P2' }),
      ]);
      const rating = async (from: string, to: string) =>
        (
          await rateEntities(knex, {
            from: Date.parse(from),
            to: Date.parse(to),
            entityRefs: ENTITIES,
          })
        ).get('component:default/parking-api');
      expect(await rating('2026-03-02', '2026-03-03')).toEqual({
        deployments: 1,
        failedDeployments: 1,
        leadTime: 'elite',
        recovery: 'elite',
      });
      expect(await rating('2026-03-05', '2026-03-06')).toEqual({
        deployments: 1,
        failedDeployments: 1,
        leadTime: 'high',
        recovery: 'high',
      });
      expect(await rating('2026-03-02', '2026-03-06')).toEqual({
        deployments: 2,
        failedDeployments: 2,
        leadTime: 'high',
        recovery: 'high',
      });
      await compare(knex, [
        ['2026-03-02', 1],
        ['2026-03-05', 1],
        ['2026-03-02', 4],
      ]);
    },
  );
});
