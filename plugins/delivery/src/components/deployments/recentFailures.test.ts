import { InMemoryDeliveryApi } from '../../__testUtils__/InMemoryDeliveryApi';
import {
  aDeployment,
  hoursAgo,
  threeEnvironments,
} from '../../__testUtils__/builders';
import { listFailuresSince } from './recentFailures';

describe('listFailuresSince', () => {
  const deployments = [
    aDeployment({
      id: 'new-failure',
      status: 'failed',
      finishedAt: hoursAgo(2),
    }),
    aDeployment({ id: 'new-success', finishedAt: hoursAgo(3) }),
    aDeployment({
      id: 'other-failure',
      entityRef: 'component:default/timetable-service',
      status: 'failed',
      finishedAt: hoursAgo(5),
    }),
    aDeployment({
      id: 'old-failure',
      status: 'failed',
      finishedAt: hoursAgo(30),
    }),
  ];
  const api = new InMemoryDeliveryApi({
    environments: threeEnvironments,
    deployments,
    components: [
      {
        entityRef: 'component:default/payments-api',
        system: 'system:default/payments',
        domain: 'domain:default/payments',
      },
    ],
  });
  jest.spyOn(api, 'getDeployments');

  beforeEach(() => jest.mocked(api.getDeployments).mockClear());
  const since = new Date(Date.now() - 24 * 3600 * 1000);

  it('finds the failures since a moment across the portal', async () => {
    const recent = await listFailuresSince(api, { since });
    expect(recent.failures.map(d => d.id)).toEqual([
      'new-failure',
      'other-failure',
    ]);
    expect(recent.complete).toBe(true);
  });

  it('finds the failures of a domain’s components in one request', async () => {
    const recent = await listFailuresSince(api, {
      since,
      domain: 'domain:default/payments',
    });
    expect(recent.failures.map(d => d.id)).toEqual(['new-failure']);
    expect(api.getDeployments).toHaveBeenCalledTimes(1);
    expect(api.getDeployments).toHaveBeenCalledWith(
      expect.objectContaining({
        domain: 'domain:default/payments',
        status: 'failed',
        since: since.toISOString(),
      }),
    );
  });

  it('reads on while the backend hands out cursors, up to a bound', async () => {
    const many = new InMemoryDeliveryApi({
      environments: threeEnvironments,
      deployments: Array.from({ length: 1100 }, (_, i) =>
        aDeployment({
          id: `f${i}`,
          status: 'failed',
          finishedAt: new Date(Date.now() - i * 1000).toISOString(),
        }),
      ),
      components: [],
    });

    const recent = await listFailuresSince(many, { since });

    expect(recent.failures).toHaveLength(1000);
    expect(recent.complete).toBe(false);
  });
});
