import { Entity } from '@backstage/catalog-model';
import { DeliveryEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import {
  catalogComponent,
  commit,
  hours,
  incident,
  production,
} from '../__testUtils__/dora';
import {
  entity,
  group,
  startDeliveryBackend,
} from '../__testUtils__/startDeliveryBackend';
import { permissionsDenyingEntities } from '../__testUtils__/readAccess';

jest.setTimeout(60_000);

const catalog: Entity[] = [
  entity('Domain', 'smart-city'),
  entity('Domain', 'business'),
  entity('System', 'parking', { domain: 'smart-city' }),
  entity('System', 'billing', { domain: 'business' }),
  group('parking-team'),
  group('payments-team'),
  catalogComponent('parking-api', {
    system: 'parking',
    owner: 'group:default/parking-team',
  }),
  catalogComponent('parking-worker', {
    system: 'system:default/parking',
    owner: 'parking-team',
  }),
  catalogComponent('billing-api', {
    system: 'billing',
    owner: 'group:default/payments-team',
  }),
  {
    // Owned through its relation only.
    ...catalogComponent('lighting-api', { owner: 'someone-else' }),
    relations: [{ type: 'ownedBy', targetRef: 'group:default/parking-team' }],
  },
];

const of = (name: string) => ({ entityRef: `component:default/${name}` });

// 2026-03-02 (UTC): parking-api deploys at 01:00 and rolls back at 05:00
// (the first failed and recovered after 4 h); parking-worker deploys at 02:00
// (and to dev at 03:00, which does not count); billing-api at 04:00, with an
// incident naming it that is still open; lighting-api at 06:00.
const events: DeliveryEvent[] = [
  production('d1', 1, { commits: [commit('p1', 0)] }),
  production('d2', 5, { trigger: 'rollback' }),
  production('w1', 2, { ...of('parking-worker'), commits: [commit('w', 0)] }),
  production('w-dev', 3, { ...of('parking-worker'), environment: 'dev' }),
  production('b1', 4, { ...of('billing-api') }),
  incident('pd-1', 4.5, undefined, {
    ...of('billing-api'),
    deploymentId: 'b1',
  }),
  production('l1', 6, { ...of('lighting-api') }),
];

const query = (entityRef?: string, extra = '') =>
  `/dora?${
    entityRef ? `entityRef=${encodeURIComponent(entityRef)}&` : ''
  }from=2026-03-02&to=2026-03-03${extra}`;

async function start(features = [] as any[]) {
  const backend = await startDeliveryBackend({ entities: catalog, features });
  expect((await backend.postEvents(events)).status).toBe(200);
  return backend;
}

describe('GET /dora', () => {
  it('answers exactly the summary, tiers and series of one component', async () => {
    const { get } = await start();

    const response = await get(query('component:default/parking-api'));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      summary: {
        deployments: 2,
        deploymentFrequencyPerDay: 2,
        leadTimeMedianSeconds: hours(1),
        leadTimeP90Seconds: hours(1),
        leadTimeCommits: 1,
        failedDeployments: 1,
        changeFailureRate: 0.5,
        recoveryMedianSeconds: hours(4),
        openFailures: 0,
        reworkRate: 0.5,
      },
      tiers: {
        deploymentFrequency: 'elite',
        leadTime: 'elite',
        changeFailureRate: 'low',
        recovery: 'high',
      },
      series: [
        {
          start: '2026-03-02T00:00:00.000Z',
          end: '2026-03-03T00:00:00.000Z',
          label: '2026-03-02',
          deployments: 2,
          deploymentFrequencyPerDay: 2,
          leadTimeMedianSeconds: hours(1),
          leadTimeP90Seconds: hours(1),
          leadTimeCommits: 1,
          failedDeployments: 1,
          changeFailureRate: 0.5,
          recoveryMedianSeconds: hours(4),
          openFailures: 0,
          reworkRate: 0.5,
        },
      ],
    });
  });

  it('pools a domain over its components, a group over what it owns, and the portal over everything', async () => {
    const { get } = await start();
    const summaryOf = async (entityRef?: string) => {
      const response = await get(query(entityRef));
      expect(response.status).toBe(200);
      return response.body.summary;
    };

    // parking-api (2 deployments, 1 failed) and parking-worker (1).
    expect(await summaryOf('domain:default/smart-city')).toMatchObject({
      deployments: 3,
      failedDeployments: 1,
      changeFailureRate: 1 / 3,
      reworkRate: 1 / 3,
      leadTimeCommits: 2,
      leadTimeMedianSeconds: hours(1.5),
    });
    // parking-api, parking-worker, and lighting-api through its relation.
    expect(await summaryOf('group:default/parking-team')).toMatchObject({
      deployments: 4,
      failedDeployments: 1,
    });
    // billing-api, failed by the incident that names it, still open.
    expect(await summaryOf('group:default/payments-team')).toMatchObject({
      deployments: 1,
      failedDeployments: 1,
      openFailures: 1,
      recoveryMedianSeconds: null,
    });
    expect(await summaryOf('domain:default/business')).toEqual(
      await summaryOf('component:default/billing-api'),
    );
    expect(await summaryOf()).toMatchObject({
      deployments: 5,
      failedDeployments: 2,
      openFailures: 1,
    });
  });

  it('leaves out what the caller may not read, and refuses a component they may not read', async () => {
    const permissions = permissionsDenyingEntities(
      'component:default/parking-worker',
    );
    const { get } = await start([permissions.factory]);

    const domain = await get(query('domain:default/smart-city'));
    expect(domain.body.summary.deployments).toBe(2);
    const portal = await get(query());
    expect(portal.body.summary.deployments).toBe(4);

    const denied = await get(query('component:default/parking-worker'));
    expect(denied.status).toBe(403);
    expect(denied.body.error.name).toBe('NotAllowedError');
  });

  it.each([
    [
      'from is not before to',
      '/dora?from=2026-03-03&to=2026-03-02',
      /from must be before to/,
    ],
    [
      'from is missing',
      '/dora?to=2026-03-02',
      /must have required property 'from'/,
    ],
    [
      'from is not a date',
      '/dora?from=yesterday&to=2026-03-02',
      /from must be an ISO 8601/,
    ],
    [
      'timeZone is unknown',
      `${query()}&timeZone=Mars%2FOlympus`,
      /timeZone must be an IANA time zone/,
    ],
    [
      'bucket is unknown',
      `${query()}&bucket=month`,
      /request\/query\/bucket must be equal to one of the allowed values: day, week/,
    ],
    [
      'entityRef names a system',
      query('system:default/parking'),
      /entityRef must be a component, a domain or a group.*'system'/,
    ],
    [
      'entityRef has no kind',
      query('parking-api'),
      /entityRef must be an entity ref with a kind/,
    ],
    [
      'the window has too many days',
      '/dora?from=2000-01-01&to=2026-01-01',
      /more than 3660 buckets/,
    ],
  ])('answers 400 when %s', async (_, path, message) => {
    const { get } = await startDeliveryBackend({ entities: catalog });

    const response = await get(path);

    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
  });

  it.each([
    ['component:default/nowhere-api'],
    ['domain:default/atlantis'],
    ['group:default/nobody'],
  ])('answers 404 for %s, which the catalog does not have', async entityRef => {
    const { get } = await startDeliveryBackend({ entities: catalog });

    const response = await get(query(entityRef));

    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({
      name: 'NotFoundError',
      message: `No entity ${entityRef} in the catalog`,
    });
  });
});
