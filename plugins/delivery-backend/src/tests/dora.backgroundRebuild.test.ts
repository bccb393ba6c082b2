import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DeliveryEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import { Knex } from 'knex';
import { createDora } from '../__testUtils__/dora';
import { randomHistory, snapshot } from '../__testUtils__/messyDoraHistory';
import { DatabaseDeliveryStore } from '../database/DatabaseDeliveryStore';
import { DoraDerivationSettings } from '../database/dora/DoraDerivationSettings';
import { rebuildDoraTables } from '../database/dora/rebuildDoraTables';

jest.setTimeout(120_000);

const before: DoraDerivationSettings = {
  productionEnvironments: ['prod'],
  incidentAttributionWindowMs: 3_600_000,
};
const after: DoraDerivationSettings = {
  productionEnvironments: ['prod', 'prod-eu'],
  incidentAttributionWindowMs: 12 * 3_600_000,
};

const ingestInto = (store: DatabaseDeliveryStore, events: DeliveryEvent[]) =>
  store.ingest(
    events.flatMap(e => (e.type === 'deployment' ? [e] : [])),
    events.flatMap(e => (e.type === 'incident' ? [e] : [])),
  );

// The DORA tables as a from-scratch derivation with the settings leaves
// them, without changing them.
async function derivedFromScratch(
  knex: Knex,
  settings: DoraDerivationSettings,
) {
  const tx = await knex.transaction();
  try {
    await rebuildDoraTables(tx, settings);
    return await snapshot(tx);
  } finally {
    await tx.rollback();
  }
}

describe('a change of DORA settings', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'derives the tables again in the background, events ingested meanwhile included, %p',
    async databaseId => {
      const history = randomHistory(7);
      const { knex, store: first } = await createDora(databases, databaseId, {
        settings: before,
      });
      await ingestInto(first, history.slice(0, 80));
      const logger = mockServices.logger.mock();

      const restarted = await DatabaseDeliveryStore.create({
        database: { getClient: async () => knex },
        dora: after,
        logger,
      });
      // Corrections and new events, while (or after) it rebuilds.
      await ingestInto(restarted, history.slice(80));
      await restarted.whenDoraTablesCurrent();

      expect(await snapshot(knex)).toEqual(
        await derivedFromScratch(knex, after),
      );
      expect(await knex('dora_pending_changes')).toEqual([]);
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringMatching(/^Deriving the DORA tables again/),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'derives what a replica still running with the old settings ingested after the rebuild, %p',
    async databaseId => {
      const history = randomHistory(13);
      const { knex, store: old } = await createDora(databases, databaseId, {
        settings: before,
      });
      await ingestInto(old, history.slice(0, 60));
      const current = await DatabaseDeliveryStore.create({
        database: { getClient: async () => knex },
        dora: after,
      });
      await current.whenDoraTablesCurrent();

      // The old replica's events are stored and recorded, not derived with
      // its settings; the next ingestion of a current replica derives them.
      await ingestInto(old, history.slice(60, 110));
      expect((await knex('dora_pending_changes')).length).toBeGreaterThan(0);
      await ingestInto(current, history.slice(110));

      expect(await knex('dora_pending_changes')).toEqual([]);
      expect(await snapshot(knex)).toEqual(
        await derivedFromScratch(knex, after),
      );
    },
  );

  it('on two replicas: one rebuilds while both start, answer from the old tables and ingest', async () => {
    if (!databases.eachSupportedId().some(([id]) => id === 'POSTGRES_15')) {
      return;
    }
    const history = randomHistory(11);
    const { knex, store: first } = await createDora(databases, 'POSTGRES_15', {
      settings: before,
    });
    await ingestInto(first, history.slice(0, 80));
    const old = await snapshot(knex);

    // Hold the rebuild at its first write, to see what happens meanwhile.
    const blocker = await knex.transaction();
    await blocker.raw('LOCK TABLE dora_commits IN SHARE MODE');
    const loggers = [mockServices.logger.mock(), mockServices.logger.mock()];
    const replicas = await Promise.all(
      loggers.map(logger =>
        DatabaseDeliveryStore.create({
          database: { getClient: async () => knex },
          dora: after,
          logger,
          doraRebuildRetryMs: 50,
        }),
      ),
    );

    // Both started; the tables answer as derived before; ingestion goes on.
    await ingestInto(replicas[0], history.slice(80, 100));
    await ingestInto(replicas[1], history.slice(100));
    expect(await snapshot(knex)).toEqual(old);
    const [{ value }] = await knex('dora_settings').select('value');
    expect(value).toMatch(/^rebuilding:/);

    await blocker.rollback();
    await Promise.all(replicas.map(r => r.whenDoraTablesCurrent()));

    const rebuilt = loggers.filter(logger =>
      (logger.info as jest.Mock).mock.calls.some(([message]) =>
        /^Deriving the DORA tables again/.test(message),
      ),
    );
    expect(rebuilt).toHaveLength(1);
    expect(await snapshot(knex)).toEqual(await derivedFromScratch(knex, after));
    expect(await knex('dora_pending_changes')).toEqual([]);

    // Ingestion derives again itself.
    await ingestInto(replicas[1], history.slice(0, 10));
    expect(await knex('dora_pending_changes')).toEqual([]);
  });
});
