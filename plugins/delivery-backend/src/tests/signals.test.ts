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

const PARKING = 'component:default/parking-api';

describe('delivery signals', () => {
  const mockDir = createMockDirectory();
  beforeEach(() => mockDir.clear());

  async function start(
    options: Parameters<typeof startPromotionBackend>[0] = {},
  ) {
    const backend = await startPromotionBackend({
      ...options,
      entities: [smartCityComponent('parking-api')],
      config: {
        delivery: {
          environments: environmentsConfig({ minimumSoakTime: '0s' }),
          gitops: { local: { path: join(mockDir.path, 'gitops') } },
        },
      },
    });
    await backend.postEvents([
      deployed('parking-api', 'staging', '1.1.0', 500),
      deployed('parking-api', 'prod', '1.1.0', 400),
      deployed('parking-api', 'staging', '1.2.0', 120),
    ]);
    return backend;
  }

  const promotionSignal = (promotionId: string) => ({
    recipients: { type: 'broadcast' },
    channel: 'delivery',
    message: {
      type: 'promotion',
      promotionId,
      entityRef: PARKING,
      environment: 'prod',
    },
  });

  it('tells open pages when a promotion is requested, approved and executed', async () => {
    const { engineer, as, signals, waitForState } = await start();
    const requested = await engineer.post('/promotions', {
      entityRef: PARKING,
      environment: 'prod',
      version: '1.2.0',
      reason: 'Release 1.2.0',
    });
    expect(requested.status).toBe(201);
    const { id } = requested.body;
    expect(signals).toContainEqual(promotionSignal(id));

    signals.length = 0;
    const approved = await as(ADMIN).post(`/promotions/${id}/approve`);
    expect(approved.status).toBe(200);
    expect(signals[0]).toEqual(promotionSignal(id));

    // Approved, executing and succeeded: each change reaches the pages.
    await waitForState(id, ['succeeded']);
    const promotionSignals = signals.filter(
      signal => signal.message.type === 'promotion',
    );
    expect(promotionSignals.length).toBeGreaterThanOrEqual(3);
    // Its deployment is recorded too, which the environment cards show.
    expect(signals).toContainEqual({
      recipients: { type: 'broadcast' },
      channel: 'delivery',
      message: { type: 'deployment', entityRef: PARKING, environment: 'prod' },
    });
  });

  it('sends one signal per entity and environment that a batch of events changed', async () => {
    const { signals, postEvents } = await start();
    expect(signals.map(signal => signal.message)).toEqual([
      { type: 'deployment', entityRef: PARKING, environment: 'staging' },
      { type: 'deployment', entityRef: PARKING, environment: 'prod' },
    ]);

    // A late in_progress report of a finished deployment changes nothing,
    // so nothing is signalled.
    signals.length = 0;
    const late = deployed('parking-api', 'prod', '1.1.0', 400);
    const { finishedAt, ...inProgress } = late;
    const answer = await postEvents([{ ...inProgress, status: 'in_progress' }]);
    expect(answer.status).toBe(200);
    expect(signals).toEqual([]);
  });

  it('approves a promotion even when its signal cannot be published', async () => {
    const { engineer, as, signals } = await start({
      publishSignal: async () => {
        throw new Error('The events bus is down');
      },
    });
    const requested = await engineer.post('/promotions', {
      entityRef: PARKING,
      environment: 'prod',
      version: '1.2.0',
      reason: 'Release 1.2.0',
    });
    expect(requested.status).toBe(201);
    const approved = await as(ADMIN).post(
      `/promotions/${requested.body.id}/approve`,
    );
    expect(approved.status).toBe(200);
    expect(signals).toContainEqual(promotionSignal(requested.body.id));
  });
});
