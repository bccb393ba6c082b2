import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  deploymentEvent,
  incidentEvent,
  minutesIn,
} from '../__testUtils__/events';
import { DatabaseDeliveryStore } from './DatabaseDeliveryStore';

jest.setTimeout(60_000);

describe('DatabaseDeliveryStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseDeliveryStore.create({
      database: { getClient: async () => knex },
    });
    return { knex, store };
  }

  async function commitsOf(knex: Knex, deploymentId: string) {
    const rows = await knex('deployment_commits')
      .where('deployment_id', deploymentId)
      .orderBy('sha');
    return rows.map(row => row.sha);
  }

  it.each(databases.eachSupportedId())(
    'stores an event sent twice once, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const event = deploymentEvent({
        commits: [
          { sha: 'a1', committedAt: minutesIn(1) },
          { sha: 'a2', committedAt: minutesIn(2) },
        ],
      });

      await store.ingest([event], []);
      await store.ingest([event], []);
      await store.ingest([event, event], []);

      const rows = await knex('deployments').select('id');
      expect(rows).toEqual([{ id: 'run-1-dev' }]);
      expect(await commitsOf(knex, 'run-1-dev')).toEqual(['a1', 'a2']);

      const [stored] = await store.getDeployments(['run-1-dev']);
      const { commits, type, ...expected } = event;
      expect(stored).toEqual(expected);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets a finished event replace an in_progress one, never the reverse, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const running = deploymentEvent({
        status: 'in_progress',
        finishedAt: undefined,
      });
      const succeeded = deploymentEvent({ status: 'succeeded' });
      const status = async (id: string) =>
        (await store.getDeployments([id]))[0].status;

      // In order: in_progress, then succeeded.
      await store.ingest([{ ...running, id: 'in-order' }], []);
      expect(await status('in-order')).toBe('in_progress');
      await store.ingest([{ ...succeeded, id: 'in-order' }], []);
      expect(await status('in-order')).toBe('succeeded');

      // Out of order: succeeded, then the late in_progress.
      await store.ingest([{ ...succeeded, id: 'late' }], []);
      await store.ingest([{ ...running, id: 'late' }], []);
      expect(await status('late')).toBe('succeeded');

      // Both orders within one batch.
      await store.ingest(
        [
          { ...succeeded, id: 'batch-a' },
          { ...running, id: 'batch-a' },
          { ...running, id: 'batch-b' },
          { ...succeeded, id: 'batch-b' },
        ],
        [],
      );
      expect(await status('batch-a')).toBe('succeeded');
      expect(await status('batch-b')).toBe('succeeded');

      // A later finished event corrects an earlier finished one.
      await store.ingest([{ ...succeeded, id: 'late', status: 'failed' }], []);
      expect(await status('late')).toBe('failed');
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the commits of the event that won, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const commit = (sha: string) => ({ sha, committedAt: minutesIn(1) });

      await store.ingest(
        [
          deploymentEvent({
            status: 'in_progress',
            finishedAt: undefined,
            commits: [commit('a'), commit('b')],
          }),
        ],
        [],
      );
      expect(await commitsOf(knex, 'run-1-dev')).toEqual(['a', 'b']);

      await store.ingest(
        [deploymentEvent({ commits: [commit('c'), commit('c')] })],
        [],
      );
      expect(await commitsOf(knex, 'run-1-dev')).toEqual(['c']);

      // A late in_progress event loses, and so do its commits.
      await store.ingest(
        [
          deploymentEvent({
            status: 'in_progress',
            finishedAt: undefined,
            commits: [commit('d')],
          }),
        ],
        [],
      );
      expect(await commitsOf(knex, 'run-1-dev')).toEqual(['c']);

      await store.ingest([deploymentEvent({ commits: undefined })], []);
      expect(await commitsOf(knex, 'run-1-dev')).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores concurrent batches with the same ids once each, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const batch = (
        from: number,
        to: number,
        status: 'succeeded' | 'failed',
      ) =>
        Array.from({ length: to - from }, (_, i) =>
          deploymentEvent({
            id: `run-${String(from + i).padStart(4, '0')}`,
            status,
            commits: [
              { sha: `sha-${from + i}-a`, committedAt: minutesIn(1) },
              { sha: `sha-${from + i}-b`, committedAt: minutesIn(2) },
            ],
          }),
        );
      const first = batch(0, 600, 'succeeded');
      // The overlap in the opposite order, as a real race would have it.
      const second = batch(300, 900, 'failed').reverse();

      await Promise.all([
        store.ingest(first, []),
        store.ingest(second, []),
        store.ingest(first.slice(200, 400), []),
      ]);

      const [{ n }] = await knex('deployments').count({ n: '*' });
      expect(Number(n)).toBe(900);
      const [{ c }] = await knex('deployment_commits').count({ c: '*' });
      expect(Number(c)).toBe(1800);
      const perDeployment = await knex('deployment_commits')
        .select('deployment_id')
        .count({ c: '*' })
        .groupBy('deployment_id')
        .havingRaw('count(*) <> 2');
      expect(perDeployment).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores a batch of 1000 deployments with many commits, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const events = Array.from({ length: 1000 }, (_, i) =>
        deploymentEvent({
          id: `run-${i}`,
          commits: Array.from({ length: 12 }, (__, j) => ({
            sha: `sha-${i}-${j}`,
            committedAt: minutesIn(j),
          })),
        }),
      );

      await store.ingest(events, []);

      const [{ n }] = await knex('deployments').count({ n: '*' });
      const [{ c }] = await knex('deployment_commits').count({ c: '*' });
      expect([Number(n), Number(c)]).toEqual([1000, 12000]);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores an incident that arrives before its deployment, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.ingest(
        [],
        [incidentEvent({ deploymentId: 'run-1-prod', resolvedAt: undefined })],
      );
      await store.ingest(
        [deploymentEvent({ id: 'run-1-prod', environment: 'prod' })],
        [],
      );

      expect(await store.listIncidents({})).toEqual([
        {
          id: 'pd-1',
          entityRef: 'component:default/parking-api',
          environment: 'prod',
          openedAt: '2026-03-02T12:00:00.000Z',
          deploymentId: 'run-1-prod',
        },
      ]);
      expect(await store.getDeployments(['run-1-prod'])).toHaveLength(1);

      // Resolved later; a late, unresolved duplicate does not reopen it.
      await store.ingest([], [incidentEvent({ deploymentId: 'run-1-prod' })]);
      await store.ingest(
        [],
        [incidentEvent({ deploymentId: 'run-1-prod', resolvedAt: undefined })],
      );
      const [incident] = await store.listIncidents({
        entityRef: 'component:default/parking-api',
      });
      expect(incident.resolvedAt).toBe('2026-03-02T12:40:00.000Z');
    },
  );
});
