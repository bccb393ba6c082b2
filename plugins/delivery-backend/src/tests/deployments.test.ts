import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { deploymentEvent, minutesIn } from '../__testUtils__/events';
import { startDeliveryBackend } from '../__testUtils__/startDeliveryBackend';
import {
  permissionsDenyingEntities,
  readDeploymentPages,
} from '../__testUtils__/readAccess';

jest.setTimeout(60_000);

const parking = 'component:default/parking-api';
const lighting = 'component:default/lighting-api';

// 24 deployments, alternating entities and environments; pairs finish at the
// same minute so that ties are broken by id.
const history = Array.from({ length: 24 }, (_, i) =>
  deploymentEvent({
    id: `run-${String(i).padStart(2, '0')}`,
    entityRef: i % 2 ? lighting : parking,
    environment: i % 3 ? 'dev' : 'prod',
    startedAt: minutesIn(Math.floor(i / 2) * 10),
    finishedAt: minutesIn(Math.floor(i / 2) * 10 + 5),
  }),
);
const running = deploymentEvent({
  id: 'run-running',
  entityRef: parking,
  status: 'in_progress',
  startedAt: minutesIn(110),
  finishedAt: undefined,
});

// Newest first; the running one (started at 110) sorts between the pairs
// that finished at 115 and 105.
const newestFirst = [...history, running]
  .map(d => ({ id: d.id, at: d.finishedAt ?? d.startedAt }))
  .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id))
  .map(d => d.id);

describe('GET /deployments', () => {
  it('pages through the history, newest first', async () => {
    const { postEvents, get } = await startDeliveryBackend();
    await postEvents([...history, running]);

    const pages = await readDeploymentPages(get, 'limit=7');

    expect(pages.map(page => page.length)).toEqual([7, 7, 7, 4]);
    expect(pages.flat()).toEqual(newestFirst);
    expect(newestFirst.slice(0, 4)).toEqual([
      'run-23',
      'run-22',
      'run-running',
      'run-21',
    ]);
  });

  it('pages with the default size, and filters by entity and environment', async () => {
    const { postEvents, get } = await startDeliveryBackend();
    await postEvents([...history, running]);

    expect(await readDeploymentPages(get, '')).toEqual([newestFirst]);
    const parkingInProd = history
      .filter(d => d.entityRef === parking && d.environment === 'prod')
      .map(d => d.id)
      .reverse();
    expect(
      (
        await readDeploymentPages(
          get,
          `entityRef=${encodeURIComponent(parking)}&environment=prod&limit=2`,
        )
      ).flat(),
    ).toEqual(parkingInProd);

    const [first] = (
      await get('/deployments?entityRef=Component:Lighting-API&limit=1')
    ).body.items;
    expect(first).toEqual({
      ...history[23],
      type: undefined,
      entityRef: lighting,
    });
  });

  it.each([
    ['limit=0', /limit must be >= 1/],
    ['limit=101', /limit must be <= 100/],
    ['limit=many', /limit must be integer/],
    ['cursor=not-a-cursor', /^cursor is not valid/],
    ['entityRef=parking-api', /^entityRef must be an entity ref with a kind/],
    ['environment=qa', /^environment 'qa' is not a configured environment/],
    ['colour=blue', /colour/],
  ])('refuses %s with 400 naming the parameter', async (query, message) => {
    const { get } = await startDeliveryBackend();

    const response = await get(`/deployments?${query}`);

    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('InputError');
    expect(response.body.error.message).toMatch(message);
  });

  it('answers 403 for an entity whose deployments the caller may not read', async () => {
    const { postEvents, get } = await startDeliveryBackend({
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    await postEvents(history);

    const one = await get(`/deployments?entityRef=${parking}`);
    expect(one.status).toBe(403);
    expect(one.body.error.name).toBe('NotAllowedError');

    const all = await get('/deployments');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ items: [] });
  });

  it('leaves out the entities the caller may not read, across pages', async () => {
    const permissions = permissionsDenyingEntities(lighting);
    const { postEvents, get } = await startDeliveryBackend({
      features: [permissions.factory],
    });
    await postEvents(history);

    const pages = await readDeploymentPages(get, 'limit=5');

    expect(pages.flat()).toEqual(
      history
        .filter(d => d.entityRef === parking)
        .map(d => d.id)
        .reverse(),
    );
  });
});
