import { InMemoryDeliveryApi } from '../../__testUtils__/InMemoryDeliveryApi';
import {
  aDeployment,
  hoursAgo,
  threeEnvironments,
} from '../../__testUtils__/builders';
import { readDeploymentFeedPage } from './deploymentFeed';

const a = 'component:default/payments-api';
const b = 'component:default/invoicing-service';
const c = 'component:default/timetable-service';

function apiWith(count: number) {
  const deployments = Array.from({ length: count }, (_, i) =>
    aDeployment({
      id: `d${String(i).padStart(2, '0')}`,
      entityRef: [a, b, c][i % 3],
      environment: i % 2 ? 'prod' : 'dev',
      status: i % 5 === 0 ? 'failed' : 'succeeded',
      finishedAt: hoursAgo(i + 1),
    }),
  );
  const api = new InMemoryDeliveryApi({
    environments: threeEnvironments,
    deployments,
    components: [a, c].map(entityRef => ({
      entityRef,
      system: 'system:default/travel',
      domain: 'domain:default/travel',
      owner: 'group:default/team-travel',
    })),
  });
  jest.spyOn(api, 'getDeployments');
  return { api, deployments };
}

describe('readDeploymentFeedPage', () => {
  it('pages through the whole portal with the backend’s cursors', async () => {
    const { api, deployments } = apiWith(12);

    const first = await readDeploymentFeedPage(api, { pageSize: 5 });
    const second = await readDeploymentFeedPage(
      api,
      { pageSize: 5 },
      first.next,
    );
    const third = await readDeploymentFeedPage(
      api,
      { pageSize: 5 },
      second.next,
    );

    expect(
      [...first.items, ...second.items, ...third.items].map(d => d.id),
    ).toEqual(deployments.map(d => d.id));
    expect(third.next).toBeUndefined();
  });

  it.each([
    ['several entities', { entityRefs: [a, c] }],
    ['a domain', { domain: 'domain:default/travel' }],
    ['an owner', { owner: 'group:default/team-travel' }],
  ])(
    'reads the deployments of %s newest first, one request a page',
    async (_, scope) => {
      const { api } = apiWith(30);

      const page = await readDeploymentFeedPage(api, {
        ...scope,
        pageSize: 8,
      });
      const next = await readDeploymentFeedPage(
        api,
        { ...scope, pageSize: 8 },
        page.next,
      );

      const ids = [...page.items, ...next.items].map(d => d.id);
      expect(ids).toEqual([
        'd00',
        'd02',
        'd03',
        'd05',
        'd06',
        'd08',
        'd09',
        'd11',
        'd12',
        'd14',
        'd15',
        'd17',
        'd18',
        'd20',
        'd21',
        'd23',
      ]);
      expect(api.getDeployments).toHaveBeenCalledTimes(2);
    },
  );

  it('filters by environment and status in the backend', async () => {
    const { api } = apiWith(30);

    const page = await readDeploymentFeedPage(api, {
      environment: 'dev',
      status: 'failed',
      pageSize: 10,
    });

    expect(page.items.map(d => d.id)).toEqual(['d00', 'd10', 'd20']);
    expect(page.next).toBeUndefined();
    expect(api.getDeployments).toHaveBeenCalledTimes(1);
    expect(api.getDeployments).toHaveBeenCalledWith(
      expect.objectContaining({ environment: 'dev', status: 'failed' }),
    );
  });

  it('answers an empty page for an empty list of entities', async () => {
    const { api } = apiWith(3);

    expect(
      await readDeploymentFeedPage(api, { entityRefs: [], pageSize: 5 }),
    ).toEqual({ items: [] });
  });
});
