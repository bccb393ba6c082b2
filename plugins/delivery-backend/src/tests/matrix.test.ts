import { DeploymentStatus } from '@domain-delivery/backstage-plugin-delivery-common';
import { deploymentEvent, minutesIn } from '../__testUtils__/events';
import {
  component,
  entity,
  startDeliveryBackend,
} from '../__testUtils__/startDeliveryBackend';
import { permissionsDenyingEntities } from '../__testUtils__/readAccess';

jest.setTimeout(60_000);

const catalog = [
  entity('Domain', 'smart-city'),
  entity('Domain', 'business'),
  entity('System', 'parking', { domain: 'smart-city' }),
  entity('System', 'lighting', { domain: 'domain:default/smart-city' }),
  entity('System', 'billing', { domain: 'business' }),
  {
    // Its `smart-city` is the domain of its own namespace, not ours.
    ...entity('System', 'traffic', { domain: 'smart-city' }),
    metadata: { name: 'traffic', namespace: 'ops' },
  },
  component('parking-api', { system: 'parking' }),
  component('parking-worker', { system: 'system:default/parking' }),
  component('lighting-api', { system: 'default/lighting' }),
  component('billing-api', { system: 'billing' }),
  component('traffic-api', { system: 'traffic', namespace: 'ops' }),
  component('orphan-api'),
];

let minute = 0;
const deployed = (
  name: string,
  environment: string,
  version: string,
  status: DeploymentStatus = 'succeeded',
) => {
  minute += 10;
  return deploymentEvent({
    id: `${name}-${environment}-${minute}`,
    entityRef: `component:default/${name}`,
    environment,
    version,
    status,
    startedAt: minutesIn(minute - 5),
    finishedAt: minutesIn(minute),
  });
};

const history = [
  deployed('parking-api', 'dev', '1.1.0'),
  deployed('parking-api', 'staging', '1.1.0'),
  deployed('parking-api', 'prod', '1.1.0'),
  deployed('parking-api', 'dev', '1.2.0'),
  deployed('parking-worker', 'dev', '2.0.0'),
  deployed('parking-worker', 'staging', '2.0.0'),
  deployed('parking-worker', 'prod', '2.0.0'),
  deployed('parking-worker', 'prod', '2.1.0', 'failed'),
  deployed('billing-api', 'prod', '9.9.9'),
];

const cell = (environment: string, fields: object = {}) => ({
  environment,
  drift: false,
  ...fields,
});

describe('GET /domains/{namespace}/{name}/matrix', () => {
  it('lays out the domain’s components × environments with drift marked', async () => {
    const { postEvents, get } = await startDeliveryBackend({
      entities: catalog,
    });
    expect((await postEvents(history)).status).toBe(200);

    const response = await get('/domains/default/smart-city/matrix');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      domainRef: 'domain:default/smart-city',
      environments: [
        { name: 'dev', title: 'Development', production: false },
        {
          name: 'staging',
          title: 'Staging',
          production: false,
          promotedFrom: 'dev',
        },
        {
          name: 'prod',
          title: 'Production',
          production: true,
          promotedFrom: 'staging',
        },
      ],
      rows: [
        {
          entityRef: 'component:default/lighting-api',
          title: 'The lighting-api',
          system: 'system:default/lighting',
          drift: false,
          cells: [cell('dev'), cell('staging'), cell('prod')],
        },
        {
          entityRef: 'component:default/parking-api',
          title: 'The parking-api',
          system: 'system:default/parking',
          drift: true,
          cells: [
            cell('dev', {
              version: '1.2.0',
              deploymentId: 'parking-api-dev-40',
              finishedAt: minutesIn(40),
              status: 'succeeded',
            }),
            cell('staging', {
              version: '1.1.0',
              deploymentId: 'parking-api-staging-20',
              finishedAt: minutesIn(20),
              status: 'succeeded',
              drift: true,
            }),
            cell('prod', {
              version: '1.1.0',
              deploymentId: 'parking-api-prod-30',
              finishedAt: minutesIn(30),
              status: 'succeeded',
            }),
          ],
        },
        {
          entityRef: 'component:default/parking-worker',
          title: 'The parking-worker',
          system: 'system:default/parking',
          drift: false,
          cells: [
            cell('dev', {
              version: '2.0.0',
              deploymentId: 'parking-worker-dev-50',
              finishedAt: minutesIn(50),
              status: 'succeeded',
            }),
            cell('staging', {
              version: '2.0.0',
              deploymentId: 'parking-worker-staging-60',
              finishedAt: minutesIn(60),
              status: 'succeeded',
            }),
            cell('prod', {
              version: '2.0.0',
              deploymentId: 'parking-worker-prod-70',
              finishedAt: minutesIn(70),
              // The latest rollout failed; 2.0.0 still runs.
              status: 'failed',
              latest: {
                deploymentId: 'parking-worker-prod-80',
                version: '2.1.0',
                status: 'failed',
              },
            }),
          ],
        },
      ],
    });
  });

  it('shows two production regions as production, each compared with the environment it is promoted from', async () => {
    const { get, postEvents } = await startDeliveryBackend({
      entities: catalog,
      config: {
        delivery: {
          environments: [
            { name: 'dev' },
            { name: 'staging', promotion: { from: 'dev' } },
            {
              name: 'prod-eu',
              production: true,
              promotion: { from: 'staging' },
            },
            {
              name: 'prod-us',
              production: true,
              promotion: { from: 'staging' },
            },
          ],
        },
      },
    });
    expect(
      (
        await postEvents([
          deployed('parking-api', 'dev', '1.2.0'),
          deployed('parking-api', 'staging', '1.2.0'),
          deployed('parking-api', 'prod-eu', '1.1.0'),
          deployed('parking-api', 'prod-us', '1.2.0'),
        ])
      ).status,
    ).toBe(200);

    const response = await get('/domains/default/smart-city/matrix');

    expect(response.body.environments).toEqual([
      { name: 'dev', title: 'dev', production: false },
      {
        name: 'staging',
        title: 'staging',
        production: false,
        promotedFrom: 'dev',
      },
      {
        name: 'prod-eu',
        title: 'prod-eu',
        production: true,
        promotedFrom: 'staging',
      },
      {
        name: 'prod-us',
        title: 'prod-us',
        production: true,
        promotedFrom: 'staging',
      },
    ]);
    const parking = response.body.rows.find(
      (row: any) => row.entityRef === 'component:default/parking-api',
    );
    // prod-eu lags behind staging; prod-us runs what staging runs, even
    // though it differs from prod-eu before it.
    expect(
      parking.cells.map((c: any) => [c.environment, c.version, c.drift]),
    ).toEqual([
      ['dev', '1.2.0', false],
      ['staging', '1.2.0', false],
      ['prod-eu', '1.1.0', true],
      ['prod-us', '1.2.0', false],
    ]);
  });

  it('answers 404 for a domain the catalog does not have', async () => {
    const { get } = await startDeliveryBackend({ entities: catalog });

    const response = await get('/domains/default/atlantis/matrix');

    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({
      name: 'NotFoundError',
      message: 'No entity domain:default/atlantis in the catalog',
    });
  });

  it('leaves out the components whose deployments the caller may not read', async () => {
    const permissions = permissionsDenyingEntities(
      'component:default/parking-worker',
    );
    const { get } = await startDeliveryBackend({
      entities: catalog,
      features: [permissions.factory],
    });

    const response = await get('/domains/default/smart-city/matrix');

    expect(response.status).toBe(200);
    expect(response.body.rows.map((row: any) => row.entityRef)).toEqual([
      'component:default/lighting-api',
      'component:default/parking-api',
    ]);
  });
});
