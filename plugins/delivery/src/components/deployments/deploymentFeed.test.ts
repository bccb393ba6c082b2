import { DeploymentQuery } from '../../api';
import { aDeployment, aPage, hoursAgo } from '../../__testUtils__/builders';
import { stubDeliveryApi } from '../../__testUtils__/deliveryApiStub';
import { readDeploymentFeedPage } from './deploymentFeed';

const a = 'component:default/payments-api';
const c = 'component:default/timetable-service';

const deployment = (i: number) =>
  aDeployment({
    id: `d${String(i).padStart(2, '0')}`,
    entityRef: [a, c][i % 2],
    finishedAt: hoursAgo(i + 1),
  });

/** A delivery API that answers the given pages, the first without a cursor, then by `nextCursor`. */
function apiPaging(...pages: number[][]) {
  return stubDeliveryApi({
    getDeployments: async (query: DeploymentQuery = {}) => {
      const index = query.cursor ? Number(query.cursor) : 0;
      return aPage(
        pages[index].map(deployment),
        index + 1 < pages.length ? String(index + 1) : undefined,
      );
    },
  });
}

describe('readDeploymentFeedPage', () => {
  it('pages through the whole portal with the backend’s cursors', async () => {
    const api = apiPaging([0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10, 11]);

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
    ).toEqual(Array.from({ length: 12 }, (_, i) => deployment(i).id));
    expect(third.next).toBeUndefined();
  });

  it.each([
    ['several entities', { entityRefs: [a, c] }, { entityRef: [a, c] }],
    [
      'a domain',
      { domain: 'domain:default/travel' },
      { domain: 'domain:default/travel' },
    ],
    [
      'an owner',
      { owner: 'group:default/team-travel' },
      { owner: 'group:default/team-travel' },
    ],
  ])(
    'reads the deployments of %s newest first, one request a page',
    async (_, scope, asked) => {
      const api = apiPaging(
        [0, 2, 3, 5, 6, 8, 9, 11],
        [12, 14, 15, 17, 18, 20, 21, 23],
      );

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
      expect(api.getDeployments).toHaveBeenLastCalledWith(
        expect.objectContaining({ ...asked, cursor: '1', limit: 8 }),
      );
    },
  );

  it('filters by environment and status in the backend', async () => {
    const api = apiPaging([0, 10, 20]);

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
    const api = apiPaging([0, 1, 2]);

    expect(
      await readDeploymentFeedPage(api, { entityRefs: [], pageSize: 5 }),
    ).toEqual({ items: [] });
  });
});
