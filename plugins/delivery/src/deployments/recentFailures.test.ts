import { InMemoryDeliveryApi } from '../__testUtils__/InMemoryDeliveryApi';
import {
  aDeployment,
  hoursAgo,
  threeEnvironments,
} from '../__testUtils__/builders';
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
    components: [],
  });
  const since = new Date(Date.now() - 24 * 3600 * 1000);

  it('finds the failures since a moment across the portal', async () => {
    const recent = await listFailuresSince(api, { since });
    expect(recent.failures.map(d => d.id)).toEqual([
      'new-failure',
      'other-failure',
    ]);
    expect(recent.complete).toBe(true);
  });

  it('finds the failures of some entities', async () => {
    const recent = await listFailuresSince(api, {
      since,
      entityRefs: ['component:default/payments-api'],
    });
    expect(recent.failures.map(d => d.id)).toEqual(['new-failure']);
  });
});
