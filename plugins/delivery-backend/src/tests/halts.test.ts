import {
  TestDatabaseId,
  TestDatabases,
  createMockDirectory,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { join } from 'node:path';
import {
  ADMIN,
  deployed,
  environmentsConfig,
  smartCityComponent,
  startPromotionBackend,
} from '../__testUtils__/startPromotionBackend';

jest.setTimeout(60_000);

const entity = (kind: string, name: string, spec: object): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name },
  spec: { owner: 'group:default/platform-admins', ...spec },
});

// parking-api is part of the smart-city domain (through its system), trip-planner of journey.
const catalog: Entity[] = [
  entity('Domain', 'smart-city', {}),
  entity('Domain', 'journey', {}),
  entity('System', 'urban-mobility', { domain: 'smart-city' }),
  entity('System', 'trips', { domain: 'default/journey' }),
  {
    ...smartCityComponent('parking-api'),
    spec: {
      ...smartCityComponent('parking-api').spec,
      system: 'urban-mobility',
    },
  },
  {
    ...smartCityComponent('trip-planner'),
    spec: { ...smartCityComponent('trip-planner').spec, system: 'trips' },
  },
];

describe('halts', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const mockDir = createMockDirectory();

  async function start(databaseId?: TestDatabaseId) {
    const backend = await startPromotionBackend({
      entities: catalog,
      ...(databaseId && { knex: await databases.init(databaseId) }),
      config: {
        delivery: {
          environments: environmentsConfig(),
          gitops: { local: { path: join(mockDir.path, 'gitops') } },
          notifications: { enabled: true },
        },
      },
    });
    expect(
      (
        await backend.postEvents([
          deployed('parking-api', 'dev', '1.0.0', 300),
          deployed('parking-api', 'staging', '1.0.0', 200),
          deployed('parking-api', 'dev', '1.1.0', 100),
          deployed('trip-planner', 'dev', '4.0.0', 100),
        ])
      ).status,
    ).toBe(200);
    return backend;
  }

  const toStaging = (name: string, version: string) => ({
    entityRef: `component:default/${name}`,
    environment: 'staging',
    version,
    reason: 'Next release',
  });

  it.each(databases.eachSupportedId())(
    'refuses every promotion while the portal is halted, and allows them once it is lifted, %p',
    async databaseId => {
      const { engineer, admin, sent, signals } = await start(databaseId);

      const halted = await admin.post('/halts', {
        scope: 'portal',
        reason: 'Incident INC-42: payments are down',
      });
      expect(halted.status).toBe(201);
      expect(halted.body).toEqual({
        id: expect.any(String),
        scope: 'portal',
        reason: 'Incident INC-42: payments are down',
        active: true,
        createdBy: ADMIN,
        createdAt: expect.any(String),
      });

      const refused = await engineer.post(
        '/promotions',
        toStaging('parking-api', '1.1.0'),
      );
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toBe(
        `Refused by the halt rule: all promotions are halted since ${halted.body.createdAt} by ${ADMIN}: Incident INC-42: payments are down`,
      );
      const preview = await engineer.post(
        '/promotions/preview',
        toStaging('parking-api', '1.1.0'),
      );
      expect(preview.body.violations).toContainEqual(
        expect.objectContaining({ rule: 'halt' }),
      );
      // A rollback too: the halt stops everything until an admin lifts it.
      const rollback = await engineer.post('/promotions', {
        ...toStaging('parking-api', '1.0.0'),
        trigger: 'rollback',
      });
      expect(rollback.status).toBe(409);

      expect((await engineer.get('/halts')).body.items).toEqual([halted.body]);
      expect(
        (await admin.post('/halts', { scope: 'portal', reason: 'Again' }))
          .status,
      ).toBe(409);

      expect((await admin.delete(`/halts/${halted.body.id}`)).status).toBe(204);
      expect((await admin.delete(`/halts/${halted.body.id}`)).status).toBe(404);
      expect((await engineer.get('/halts')).body.items).toEqual([
        {
          ...halted.body,
          active: false,
          liftedBy: ADMIN,
          liftedAt: expect.any(String),
        },
      ]);
      expect(
        (await engineer.post('/promotions', toStaging('parking-api', '1.1.0')))
          .status,
      ).toBe(201);

      expect(
        sent
          .filter(n => n.payload.topic === 'delivery-halt')
          .map(n => [n.recipients, n.payload.title]),
      ).toEqual([
        [{ type: 'broadcast' }, `${ADMIN} halted all promotions`],
        [{ type: 'broadcast' }, `${ADMIN} lifted the halt of all promotions`],
      ]);
      expect(
        signals.filter(s => (s.message as { type: string }).type === 'halt'),
      ).toHaveLength(2);
    },
  );

  it("halts one domain's promotions and leaves the others' alone", async () => {
    const { engineer, admin, sent } = await start();
    const halted = await admin.post('/halts', {
      scope: 'domain:default/smart-city',
      reason: 'Sensor outage',
    });
    expect(halted.status).toBe(201);

    const parking = await engineer.post(
      '/promotions',
      toStaging('parking-api', '1.1.0'),
    );
    expect(parking.status).toBe(409);
    expect(parking.body.error.message).toMatch(
      /^Refused by the halt rule: the promotions of domain:default\/smart-city are halted since .* by user:default\/platform-admin: Sensor outage$/,
    );
    expect(
      (await engineer.post('/promotions', toStaging('trip-planner', '4.0.0')))
        .status,
    ).toBe(201);
    expect(
      sent.find(n => n.payload.topic === 'delivery-halt')?.recipients,
    ).toEqual({
      type: 'entity',
      entityRef: 'domain:default/smart-city',
    });
  });

  it('keeps an approved production promotion waiting until the halt is lifted', async () => {
    const backend = await start();
    const { engineer, admin } = backend;
    await backend.postEvents([deployed('parking-api', 'staging', '1.1.0', 90)]);
    const requested = await engineer.post('/promotions', {
      ...toStaging('parking-api', '1.1.0'),
      environment: 'prod',
    });
    expect(requested.body.state).toBe('pending_approval');
    const halted = await admin.post('/halts', {
      scope: 'portal',
      reason: 'Incident',
    });

    const approved = await admin.post(
      `/promotions/${requested.body.id}/approve`,
      { comment: 'Fine, after the incident' },
    );
    expect(approved.status).toBe(200);
    await backend.runExecutionTask();
    expect(
      (await engineer.get(`/promotions/${requested.body.id}`)).body.state,
    ).toBe('approved');

    await admin.delete(`/halts/${halted.body.id}`);
    await backend.runExecutionTask();
    expect(
      (await backend.waitForState(requested.body.id, ['succeeded', 'failed']))
        .state,
    ).toBe('succeeded');
  });

  it('lets only platform admins halt and lift, and names what is wrong with a request', async () => {
    const { engineer, admin } = await start();
    expect(
      (await engineer.post('/halts', { scope: 'portal', reason: 'Mine' }))
        .status,
    ).toBe(403);
    const halted = await admin.post('/halts', {
      scope: 'portal',
      reason: 'Incident',
    });
    expect((await engineer.delete(`/halts/${halted.body.id}`)).status).toBe(
      403,
    );

    const bad = async (body: object) => {
      const answer = await admin.post('/halts', body);
      return [answer.status, answer.body.error.message];
    };
    expect(await bad({ scope: 'everything', reason: 'x' })).toEqual([
      400,
      "scope must be 'portal' or 'domain:<namespace>/<name>'; got 'everything'",
    ]);
    expect(
      await bad({ scope: 'component:default/parking-api', reason: 'x' }),
    ).toEqual([
      400,
      "scope must be 'portal' or 'domain:<namespace>/<name>'; got 'component:default/parking-api'",
    ]);
    expect(
      await bad({ scope: 'domain:default/atlantis', reason: 'x' }),
    ).toEqual([404, 'No entity domain:default/atlantis in the catalog']);
    expect(await bad({ scope: 'portal', reason: ' ' })).toEqual([
      400,
      'reason is required: say why promotions stop',
    ]);
    expect(
      await bad({ scope: 'domain:default/journey', reason: 'a\u0000b' }),
    ).toEqual([400, 'reason must not contain the NUL character (U+0000)']);
  });
});
