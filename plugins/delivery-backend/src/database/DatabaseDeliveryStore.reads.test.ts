import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { deploymentEvent, minutesIn } from '../__testUtils__/events';
import { DatabaseDeliveryStore } from './DatabaseDeliveryStore';

jest.setTimeout(60_000);

describe('DatabaseDeliveryStore reads', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    return DatabaseDeliveryStore.create({
      database: { getClient: async () => knex },
    });
  }

  it.each(databases.eachSupportedId())(
    'orders the history by finish, else start, then id, across time zones, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.ingest(
        [
          // 10:30Z, written with an offset.
          deploymentEvent({
            id: 'b',
            startedAt: '2026-03-02T11:00:00+01:00',
            finishedAt: '2026-03-02T11:30:00+01:00',
          }),
          deploymentEvent({
            id: 'a',
            startedAt: '2026-03-02T10:00:00Z',
            finishedAt: '2026-03-02T10:30:00Z',
          }),
          deploymentEvent({
            id: 'running',
            status: 'in_progress',
            startedAt: '2026-03-02T10:45:00Z',
            finishedAt: undefined,
          }),
          deploymentEvent({
            id: 'old',
            environment: 'prod',
            startedAt: '2026-03-01T09:00:00Z',
            finishedAt: '2026-03-01T09:05:00Z',
          }),
        ],
        [],
      );

      const ids = async (query: Parameters<typeof store.listDeployments>[0]) =>
        (await store.listDeployments(query)).map(d => d.id);

      expect(await ids({ limit: 10 })).toEqual(['running', 'b', 'a', 'old']);
      expect(await ids({ limit: 2 })).toEqual(['running', 'b']);
      expect(
        await ids({
          limit: 2,
          after: { at: '2026-03-02T10:30:00.000Z', id: 'b' },
        }),
      ).toEqual(['a', 'old']);
      expect(await ids({ limit: 10, environment: 'prod' })).toEqual(['old']);
      expect(
        await ids({ limit: 10, entityRef: 'component:default/other' }),
      ).toEqual([]);
      expect(
        await ids({
          limit: 10,
          entityRefs: [
            'component:default/other',
            'component:default/parking-api',
          ],
          statuses: ['succeeded', 'in_progress'],
        }),
      ).toEqual(['running', 'b', 'a', 'old']);
      expect(await ids({ limit: 10, entityRefs: [] })).toEqual([]);
      expect(await ids({ limit: 10, statuses: ['in_progress'] })).toEqual([
        'running',
      ]);
      // Finished at or after, or still running and started at or after.
      expect(await ids({ limit: 10, since: '2026-03-02T10:30:00Z' })).toEqual([
        'running',
        'b',
        'a',
      ]);
      expect(
        await ids({ limit: 10, since: '2026-03-02T10:45:00.001Z' }),
      ).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'finds what runs, and what ran, per entity and environment, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const deploy = (
        id: string,
        environment: string,
        version: string,
        finished: number,
        status: 'succeeded' | 'failed' | 'in_progress' = 'succeeded',
      ) =>
        deploymentEvent({
          id,
          environment,
          version,
          status,
          startedAt: minutesIn(finished - 1),
          finishedAt:
            status === 'in_progress' ? undefined : minutesIn(finished),
        });
      await store.ingest(
        [
          deploy('d1', 'dev', '1.0.0', 10),
          deploy('d2', 'dev', '1.1.0', 20),
          deploy('d3', 'dev', '1.2.0', 30, 'failed'),
          deploy('d4', 'dev', '1.2.0', 40, 'in_progress'),
          deploy('p1', 'prod', '1.0.0', 15),
        ],
        [],
      );

      const running = await store.getLatestDeployments({
        entityRefs: ['component:default/parking-api'],
        environments: ['dev', 'staging', 'prod'],
        succeededOnly: true,
      });
      expect(running.map(d => d.id).sort()).toEqual(['d2', 'p1']);

      const latest = await store.getLatestDeployments({
        entityRefs: ['component:default/parking-api', 'component:default/x'],
        environments: ['dev', 'staging', 'prod'],
        succeededOnly: false,
      });
      expect(latest.map(d => d.id).sort()).toEqual(['d4', 'p1']);

      const devOnly = await store.getLatestDeployments({
        entityRefs: ['component:default/parking-api'],
        environments: ['dev'],
        succeededOnly: true,
      });
      expect(devOnly.map(d => d.id)).toEqual(['d2']);

      const succeeded = (
        query: Partial<Parameters<typeof store.listSucceededDeployments>[0]>,
      ) =>
        store
          .listSucceededDeployments({
            entityRef: 'component:default/parking-api',
            environment: 'dev',
            limit: 10,
            ...query,
          })
          .then(deployments => deployments.map(d => d.id));
      expect(await succeeded({})).toEqual(['d2', 'd1']);
      expect(await succeeded({ order: 'oldest' })).toEqual(['d1', 'd2']);
      expect(await succeeded({ version: '1.0.0' })).toEqual(['d1']);
      expect(await succeeded({ otherThanVersion: '1.0.0' })).toEqual(['d2']);
      expect(await succeeded({ finishedAfter: minutesIn(10) })).toEqual(['d2']);
      expect(await succeeded({ finishedBefore: minutesIn(20) })).toEqual([
        'd1',
      ]);
    },
  );
});
