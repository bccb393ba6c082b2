import { TestDatabases } from '@backstage/backend-test-utils';
import { createDora } from '../../__testUtils__/dora';
import { randomHistory, snapshot } from '../../__testUtils__/messyDoraHistory';
import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';
import { DoraDerivationSettings } from './DoraDerivationSettings';
import { rebuildDoraTables } from './rebuildDoraTables';

jest.setTimeout(180_000);

const settings: DoraDerivationSettings = {
  productionEnvironments: ['prod', 'prod-eu'],
  incidentAttributionWindowMs: 6 * 3_600_000,
};

describe('deriveIngested', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'leaves the same tables as a rebuild from scratch, whatever the order of events, %p',
    async databaseId => {
      const { knex, ingest } = await createDora(databases, databaseId, {
        settings,
      });
      for (let seed = 1; seed <= 6; seed++) {
        await knex('dora_commits').delete();
        await knex('dora_incidents').delete();
        await knex('dora_deployments').delete();
        await knex('deployment_commits').delete();
        await knex('incidents').delete();
        await knex('deployments').delete();

        const random = new SeededRandom(1000 + seed);
        const events = randomHistory(seed);
        for (let start = 0; start < events.length; ) {
          const size = random.integer(1, 12);
          await ingest(events.slice(start, start + size));
          start += size;
        }
        const incremental = await snapshot(knex);
        expect(incremental.deployments.length).toBeGreaterThan(10);

        await knex.transaction(tx => rebuildDoraTables(tx, settings));
        expect(incremental).toEqual(await snapshot(knex));
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves the same tables as a rebuild when batches hold a whole history, corrections included, %p',
    async databaseId => {
      const { knex, ingest } = await createDora(databases, databaseId, {
        settings,
      });
      // Large batches: deployments whose neighbours arrive with them, events
      // re-sent or replaced within the batch, commits whose first production
      // deployment moves earlier than the one stored.
      for (const [seed, largest] of [
        [11, 40],
        [12, 125],
        [13, 60],
      ]) {
        const random = new SeededRandom(2000 + seed);
        const events = randomHistory(seed);
        for (let start = 0; start < events.length; ) {
          const size = random.integer(1, largest);
          await ingest(events.slice(start, start + size));
          start += size;
        }
        const incremental = await snapshot(knex);
        expect(incremental.deployments.length).toBeGreaterThan(10);

        await knex.transaction(tx => rebuildDoraTables(tx, settings));
        expect(incremental).toEqual(await snapshot(knex));
      }
    },
  );

  it('gives the same numbers on every database', async () => {
    const answers = [];
    for (const [databaseId] of databases.eachSupportedId()) {
      const { ingest, dora } = await createDora(databases, databaseId, {
        settings,
        entities: [],
      });
      for (let seed = 1; seed <= 3; seed++) {
        await ingest(randomHistory(100 + seed));
      }
      answers.push(
        await dora({
          entityRef: null,
          from: '2026-03-02T06:00:00Z',
          to: '2026-03-07',
          timeZone: 'America/New_York',
        }),
        await dora({
          entityRef: null,
          from: '2026-03-01',
          to: '2026-03-15',
          bucket: 'week',
        }),
      );
    }
    expect(answers[0].summary.deployments).toBeGreaterThan(20);
    for (let i = 2; i < answers.length; i++) {
      expect(answers[i]).toEqual(answers[i % 2]);
    }
  });
});
