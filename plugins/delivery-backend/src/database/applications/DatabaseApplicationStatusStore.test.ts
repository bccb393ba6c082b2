import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { DatabaseApplicationStatusStore } from './DatabaseApplicationStatusStore';

jest.setTimeout(60_000);

const PROD = {
  entityRef: 'Component:default/Parking-API',
  environment: 'prod',
  source: 'argocd',
  name: 'parking-api-prod',
  syncStatus: 'Synced',
  healthStatus: 'Healthy',
  revision: '4f2a9c1e8b7d6a5c4b3a29180f7e6d5c4b3a2918',
  url: 'https://argocd.example.com/applications/parking-api-prod',
  observedAt: '2026-12-07T08:00:00.000Z',
};

describe('DatabaseApplicationStatusStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: string) {
    const knex = await databases.init(databaseId as any);
    return DatabaseApplicationStatusStore.create({
      database: mockServices.database({ knex }),
    });
  }

  it.each(databases.eachSupportedId())(
    'keeps the latest status per entity, environment and source, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.record([
        PROD,
        { ...PROD, environment: 'dev', name: 'parking-api-dev' },
      ]);
      await store.record([
        {
          ...PROD,
          syncStatus: 'OutOfSync',
          healthStatus: 'Degraded',
          healthMessage:
            'Deployment "parking-api" exceeded its progress deadline',
          observedAt: '2026-12-07T08:05:00.000Z',
        },
      ]);

      const statuses = await store.listForEntity(
        'component:default/parking-api',
      );
      expect(
        statuses.sort((a, b) => a.environment.localeCompare(b.environment)),
      ).toEqual([
        {
          ...PROD,
          entityRef: 'component:default/parking-api',
          environment: 'dev',
          name: 'parking-api-dev',
        },
        {
          ...PROD,
          entityRef: 'component:default/parking-api',
          syncStatus: 'OutOfSync',
          healthStatus: 'Degraded',
          healthMessage:
            'Deployment "parking-api" exceeded its progress deadline',
          observedAt: '2026-12-07T08:05:00.000Z',
        },
      ]);
      expect(await store.listForEntity('component:default/other')).toEqual([]);
    },
  );
});
