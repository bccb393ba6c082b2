import { DeploymentQuery } from '../../api';
import { aDeployment, aPage, hoursAgo } from '../../__testUtils__/builders';
import { stubDeliveryApi } from '../../__testUtils__/deliveryApiStub';
import { listFailuresSince } from './recentFailures';

describe('listFailuresSince', () => {
  const newFailure = aDeployment({
    id: 'new-failure',
    status: 'failed',
    finishedAt: hoursAgo(2),
  });
  const otherFailure = aDeployment({
    id: 'other-failure',
    entityRef: 'component:default/timetable-service',
    status: 'failed',
    finishedAt: hoursAgo(5),
  });
  const since = new Date(Date.now() - 24 * 3600 * 1000);

  it('finds the failures since a moment across the portal', async () => {
    const api = stubDeliveryApi({
      getDeployments: async () => aPage([newFailure, otherFailure]),
    });

    const recent = await listFailuresSince(api, { since });

    expect(recent.failures.map(d => d.id)).toEqual([
      'new-failure',
      'other-failure',
    ]);
    expect(recent.complete).toBe(true);
  });

  it('finds the failures of a domain’s components in one request', async () => {
    const api = stubDeliveryApi({
      getDeployments: async () => aPage([newFailure]),
    });

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
    // Pages of 100 failures that always lead on.
    const api = stubDeliveryApi({
      getDeployments: async (query: DeploymentQuery = {}) => {
        const start = Number(query.cursor ?? 0);
        return aPage(
          Array.from({ length: 100 }, (_, i) =>
            aDeployment({ id: `f${start + i}`, status: 'failed' }),
          ),
          String(start + 100),
        );
      },
    });

    const recent = await listFailuresSince(api, { since });

    expect(recent.failures).toHaveLength(1000);
    expect(recent.complete).toBe(false);
  });
});
