import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { deploymentEvent, incidentEvent } from '../__testUtils__/events';
import {
  component,
  entity,
  startDeliveryBackend,
} from '../__testUtils__/startDeliveryBackend';
import { permissionsDenyingEntities } from '../__testUtils__/readAccess';

jest.setTimeout(60_000);

const parking = 'component:default/parking-api';
const bike = 'component:default/bike-api';
const weather = 'component:default/weather-api';

const catalog = [
  entity('Domain', 'smart-city'),
  entity('Domain', 'journey'),
  entity('System', 'mobility', { domain: 'smart-city' }),
  component('parking-api', { system: 'mobility' }),
  component('bike-api', { system: 'system:default/mobility' }),
  // Has incidents, but belongs to no system of the domain.
  component('weather-api'),
];

// parking-api: one resolved and one open incident; bike-api and weather-api:
// one open incident each.
const incidents = [
  incidentEvent({ id: 'pd-1', openedAt: '2026-03-02T10:00:00Z' }),
  incidentEvent({
    id: 'pd-2',
    openedAt: '2026-03-02T12:00:00Z',
    resolvedAt: undefined,
    url: 'https://pager.example.com/pd-2',
  }),
  incidentEvent({
    id: 'pd-3',
    entityRef: bike,
    openedAt: '2026-03-02T11:00:00Z',
    resolvedAt: undefined,
  }),
  incidentEvent({
    id: 'pd-4',
    entityRef: weather,
    openedAt: '2026-03-02T13:00:00Z',
    resolvedAt: undefined,
  }),
];

const ids = (body: { items: Array<{ id: string }> }) =>
  body.items.map(incident => incident.id);

const incidentsOf = (entityRef: string, query = '') =>
  `/incidents?entityRef=${encodeURIComponent(entityRef)}${query}`;

describe('GET /incidents', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function start(
    options: Parameters<typeof startDeliveryBackend>[0] = {},
  ) {
    const backend = await startDeliveryBackend({
      entities: catalog,
      ...options,
    });
    expect((await backend.postEvents(incidents)).status).toBe(200);
    return backend;
  }

  it.each(databases.eachSupportedId())(
    'lists a component’s incidents newest first, and only the open ones with open=true, %p',
    async databaseId => {
      const { get } = await start({ knex: await databases.init(databaseId) });

      const all = await get(incidentsOf(parking));
      expect(all.status).toBe(200);
      expect(all.body).toEqual({
        items: [
          {
            id: 'pd-2',
            entityRef: parking,
            environment: 'prod',
            openedAt: '2026-03-02T12:00:00.000Z',
            url: 'https://pager.example.com/pd-2',
          },
          {
            id: 'pd-1',
            entityRef: parking,
            environment: 'prod',
            openedAt: '2026-03-02T10:00:00.000Z',
            resolvedAt: '2026-03-02T12:40:00.000Z',
          },
        ],
        totalCount: 2,
      });

      const open = await get(incidentsOf(parking, '&open=true'));
      expect(ids(open.body)).toEqual(['pd-2']);
      expect(open.body.totalCount).toBe(1);

      const openOrNot = await get(incidentsOf(parking, '&open=false'));
      expect(ids(openOrNot.body)).toEqual(['pd-2', 'pd-1']);

      const first = await get(incidentsOf(parking, '&limit=1'));
      expect(ids(first.body)).toEqual(['pd-2']);
      expect(first.body.totalCount).toBe(2);

      const countOnly = await get(incidentsOf(parking, '&open=true&limit=0'));
      expect(countOnly.body).toEqual({ items: [], totalCount: 1 });
    },
  );

  it.each(databases.eachSupportedId())(
    'lists an incident that arrives before its deployment, and closes it when resolved, %p',
    async databaseId => {
      const { postEvents, get } = await start({
        knex: await databases.init(databaseId),
      });
      const early = incidentEvent({
        id: 'pd-9',
        entityRef: bike,
        openedAt: '2026-03-02T14:00:00Z',
        resolvedAt: undefined,
        deploymentId: 'run-9-prod',
      });

      await postEvents([early]);
      const before = await get(incidentsOf(bike, '&open=true'));
      expect(before.body.items[0]).toMatchObject({
        id: 'pd-9',
        deploymentId: 'run-9-prod',
      });
      expect(before.body.totalCount).toBe(2);

      await postEvents([
        deploymentEvent({
          id: 'run-9-prod',
          entityRef: bike,
          environment: 'prod',
          startedAt: '2026-03-02T13:00:00Z',
          finishedAt: '2026-03-02T13:30:00Z',
        }),
        { ...early, resolvedAt: '2026-03-02T15:00:00Z' },
      ]);
      const after = await get(incidentsOf(bike, '&open=true'));
      expect(ids(after.body)).toEqual(['pd-3']);
      const all = await get(incidentsOf(bike));
      expect(all.body.items[0]).toEqual({
        id: 'pd-9',
        entityRef: bike,
        environment: 'prod',
        openedAt: '2026-03-02T14:00:00.000Z',
        resolvedAt: '2026-03-02T15:00:00.000Z',
        deploymentId: 'run-9-prod',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'pools the incidents of a domain’s components, %p',
    async databaseId => {
      const { get } = await start({ knex: await databases.init(databaseId) });

      const open = await get(
        incidentsOf('domain:default/smart-city', '&open=true'),
      );
      expect(open.status).toBe(200);
      expect(ids(open.body)).toEqual(['pd-2', 'pd-3']);
      expect(open.body.totalCount).toBe(2);

      const all = await get(incidentsOf('domain:smart-city'));
      expect(ids(all.body)).toEqual(['pd-2', 'pd-3', 'pd-1']);
      expect(all.body.totalCount).toBe(3);
    },
  );

  it('answers none for a domain without components and 404 for an unknown entity', async () => {
    const { get } = await start();

    const empty = await get(incidentsOf('domain:default/journey'));
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ items: [], totalCount: 0 });

    const unknown = await get(incidentsOf('domain:default/nope'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      'No entity domain:default/nope in the catalog',
    );
    const gone = await get(incidentsOf('component:default/nope'));
    expect(gone.status).toBe(404);
  });

  it('leaves out the components the caller may not read, and refuses one of them', async () => {
    const permissions = permissionsDenyingEntities(bike);
    const { get } = await start({ features: [permissions.factory] });

    const domain = await get(
      incidentsOf('domain:default/smart-city', '&open=true'),
    );
    expect(ids(domain.body)).toEqual(['pd-2']);
    expect(domain.body.totalCount).toBe(1);

    const denied = await get(incidentsOf(bike));
    expect(denied.status).toBe(403);
    expect(denied.body.error.name).toBe('NotAllowedError');
  });

  it('answers services as well as users', async () => {
    const { get } = await start();

    const response = await get(
      incidentsOf(parking, '&open=true'),
      mockCredentials.service.header(),
    );

    expect(response.status).toBe(200);
    expect(response.body.totalCount).toBe(1);
  });

  it.each([
    ['', /entityRef/],
    ['entityRef=parking-api', /^entityRef must be an entity ref with a kind/],
    [
      'entityRef=system:default/mobility',
      /^entityRef must be a component or a domain; got kind 'system'/,
    ],
    [`entityRef=${parking}&open=yes`, /open/],
    [`entityRef=${parking}&limit=101`, /limit must be <= 100/],
    [`entityRef=${parking}&limit=-1`, /limit must be >= 0/],
    [`entityRef=${parking}&colour=blue`, /colour/],
  ])('refuses "%s" with 400 naming the parameter', async (query, message) => {
    const { get } = await start();

    const response = await get(`/incidents?${query}`);

    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('InputError');
    expect(response.body.error.message).toMatch(message);
  });
});
