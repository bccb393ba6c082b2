import { createMockDirectory } from '@backstage/backend-test-utils';
import { join } from 'node:path';
import {
  ADMIN,
  deployed,
  environmentsConfig,
  smartCityComponent,
  startPromotionBackend,
} from '../__testUtils__/startPromotionBackend';

jest.setTimeout(60_000);

describe('freeze windows', () => {
  const mockDir = createMockDirectory();
  const weekend = {
    from: 'Friday 16:00',
    to: 'Monday 08:00',
    timeZone: 'Europe/Berlin',
    reason: 'No production changes over the weekend',
  };

  async function start() {
    const backend = await startPromotionBackend({
      entities: [smartCityComponent('parking-api')],
      config: {
        delivery: {
          environments: environmentsConfig({ freezeWindows: [weekend] }),
          gitops: { local: { path: join(mockDir.path, 'gitops') } },
        },
      },
    });
    await backend.postEvents([deployed('parking-api', 'dev', '1.0.0', 60)]);
    return backend;
  }

  it('lists the configured windows and those admins set, and whether each is active', async () => {
    const { engineer, admin } = await start();
    const start_ = new Date(Date.now() - 60_000).toISOString();
    const end = new Date(Date.now() + 3_600_000).toISOString();

    const created = await admin.post('/freeze-windows', {
      environment: 'staging',
      start: start_,
      end,
      reason: 'Load test',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      environment: 'staging',
      source: 'admin',
      window: { type: 'once', start: start_, end, reason: 'Load test' },
      active: true,
      activeUntil: end,
      createdBy: ADMIN,
      createdAt: expect.any(String),
    });

    const listed = await engineer.get('/freeze-windows');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ environment: 'staging', source: 'admin' }),
      expect.objectContaining({
        environment: 'prod',
        source: 'config',
        window: {
          type: 'recurring',
          from: { day: 'friday', time: '16:00' },
          to: { day: 'monday', time: '08:00' },
          timeZone: 'Europe/Berlin',
          reason: 'No production changes over the weekend',
        },
        active: expect.any(Boolean),
      }),
    ]);
    expect(
      (await engineer.get('/freeze-windows?environment=dev')).body.items,
    ).toEqual([]);

    // A promotion into staging is refused while the window lasts.
    const promotion = {
      entityRef: 'component:default/parking-api',
      environment: 'staging',
      version: '1.0.0',
      reason: 'Try',
    };
    const refused = await engineer.post('/promotions', promotion);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      `Refused by the freeze window rule: staging is frozen until ${end} (Load test)`,
    );

    expect(
      (await admin.delete(`/freeze-windows/${created.body.id}`)).status,
    ).toBe(204);
    expect(
      (await admin.delete(`/freeze-windows/${created.body.id}`)).status,
    ).toBe(404);
    expect((await engineer.post('/promotions', promotion)).status).toBe(201);
  });

  it('lets only admins set and delete windows, and names what is wrong', async () => {
    const { engineer, admin } = await start();
    const body = {
      environment: 'prod',
      start: '2030-12-23T00:00:00',
      end: '2031-01-04T00:00:00',
      timeZone: 'Europe/Berlin',
    };

    const byEngineer = await engineer.post('/freeze-windows', body);
    expect(byEngineer.status).toBe(403);
    expect(byEngineer.body.error.message).toBe(
      'You may not administer freeze windows',
    );
    expect((await engineer.delete('/freeze-windows/any')).status).toBe(403);

    const created = await admin.post('/freeze-windows', body);
    expect(created.body.window).toEqual({
      type: 'once',
      start: '2030-12-22T23:00:00.000Z',
      end: '2031-01-03T23:00:00.000Z',
    });
    expect(created.body.active).toBe(false);

    for (const [wrong, message] of [
      [
        { environment: 'qa' },
        /environment must be one of the configured environments: dev, staging, prod/,
      ],
      [{ end: '2030-12-22T00:00:00' }, /end must be after start/],
      [{ start: 'soon' }, /start must be an ISO 8601 date and time/],
      [
        { timeZone: 'Mars/Olympus' },
        /timeZone 'Mars\/Olympus' is not an IANA time zone/,
      ],
      [
        { start: '2020-01-01T00:00:00Z', end: '2020-01-02T00:00:00Z' },
        /end must be in the future/,
      ],
    ] as const) {
      const refused = await admin.post('/freeze-windows', {
        ...body,
        ...wrong,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(message);
    }
  });
});
