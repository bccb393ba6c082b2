import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { DeploymentCommit } from '@domain-delivery/backstage-plugin-delivery-common';
import { deploymentEvent, minutesIn } from '../__testUtils__/events';
import {
  component,
  startDeliveryBackend,
} from '../__testUtils__/startDeliveryBackend';

jest.setTimeout(60_000);

const commit = (sha: string, minute: number): DeploymentCommit => ({
  sha,
  committedAt: minutesIn(minute),
});

function deployed(
  id: string,
  environment: string,
  version: string,
  minute: number,
  options: { commits?: DeploymentCommit[]; status?: 'failed' } = {},
) {
  return deploymentEvent({
    id,
    entityRef: 'component:default/parking-api',
    environment,
    version,
    commitSha: `head-${version}`,
    commits: options.commits ?? [],
    status: options.status ?? 'succeeded',
    startedAt: minutesIn(minute - 1),
    finishedAt: minutesIn(minute),
    url: undefined,
    actor: undefined,
  });
}

const history = [
  deployed('dev-1', 'dev', '1.0.0', 10, { commits: [commit('a', 1)] }),
  deployed('dev-2', 'dev', '1.1.0', 20, { commits: [commit('b', 2)] }),
  deployed('dev-3', 'dev', '1.1.0', 25),
  deployed('dev-4', 'dev', '1.2.0', 30, {
    commits: [commit('c', 3), commit('d', 4)],
  }),
  deployed('dev-5', 'dev', '1.2.0', 35, {
    commits: [commit('c', 3), commit('d', 4)],
  }),
  deployed('dev-6', 'dev', '1.3.0', 40, {
    commits: [commit('e', 5)],
    status: 'failed',
  }),
  deployed('staging-1', 'staging', '1.0.0', 15, { commits: [commit('a', 1)] }),
  deployed('staging-2', 'staging', '1.1.0', 28, { commits: [commit('b', 2)] }),
  deployed('prod-1', 'prod', '1.0.0', 18, { commits: [commit('a', 1)] }),
];

const dev = { name: 'dev', title: 'Development', production: false };
const staging = { name: 'staging', title: 'Staging', production: false };
const prod = { name: 'prod', title: 'Production', production: true };

describe('GET /entities/{kind}/{namespace}/{name}/environments', () => {
  it('tells per environment what runs, since when, and what the next one lacks', async () => {
    const { postEvents, get } = await startDeliveryBackend({
      entities: [component('parking-api')],
    });
    expect((await postEvents(history)).status).toBe(200);

    const response = await get(
      '/entities/component/default/parking-api/environments',
    );

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      entityRef: 'component:default/parking-api',
      items: [
        {
          environment: dev,
          current: {
            version: '1.2.0',
            // The redeploy at minute 35 does not reset it.
            since: minutesIn(30),
            deployment: expect.objectContaining({
              id: 'dev-5',
              version: '1.2.0',
              commits: [commit('d', 4), commit('c', 3)],
            }),
          },
          next: {
            environment: 'staging',
            version: '1.1.0',
            missing: {
              versions: [
                {
                  version: '1.2.0',
                  deploymentId: 'dev-5',
                  finishedAt: minutesIn(35),
                },
              ],
              commits: [commit('d', 4), commit('c', 3)],
            },
          },
        },
        {
          environment: staging,
          current: {
            version: '1.1.0',
            since: minutesIn(28),
            deployment: expect.objectContaining({ id: 'staging-2' }),
          },
          next: {
            environment: 'prod',
            version: '1.0.0',
            missing: {
              versions: [
                {
                  version: '1.1.0',
                  deploymentId: 'staging-2',
                  finishedAt: minutesIn(28),
                },
              ],
              commits: [commit('b', 2)],
            },
          },
        },
        {
          environment: prod,
          current: {
            version: '1.0.0',
            since: minutesIn(18),
            deployment: expect.objectContaining({ id: 'prod-1' }),
          },
        },
      ],
    });
  });

  it('follows the promotion chain past environments the entity skips', async () => {
    const { postEvents, get } = await startDeliveryBackend({
      entities: [component('parking-api', { environments: 'prod,dev' })],
    });
    await postEvents(history);

    const response = await get(
      '/entities/component/default/parking-api/environments',
    );

    expect(response.body.items.map((item: any) => item.environment)).toEqual([
      dev,
      prod,
    ]);
    expect(response.body.items[0].next).toEqual({
      environment: 'prod',
      version: '1.0.0',
      missing: {
        versions: [
          {
            version: '1.2.0',
            deploymentId: 'dev-5',
            finishedAt: minutesIn(35),
          },
          {
            version: '1.1.0',
            deploymentId: 'dev-3',
            finishedAt: minutesIn(25),
          },
        ],
        commits: [commit('d', 4), commit('c', 3), commit('b', 2)],
      },
    });
  });

  it('answers an entity without deployments with empty environments', async () => {
    const { get } = await startDeliveryBackend({
      entities: [component('new-api')],
    });

    const response = await get(
      '/entities/component/default/new-api/environments',
    );

    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      {
        environment: dev,
        next: {
          environment: 'staging',
          missing: { versions: [], commits: [] },
        },
      },
      {
        environment: staging,
        next: { environment: 'prod', missing: { versions: [], commits: [] } },
      },
      { environment: prod },
    ]);
  });

  it('answers 404 for an entity the catalog does not have', async () => {
    const { get } = await startDeliveryBackend({
      entities: [component('parking-api')],
    });

    const response = await get('/entities/component/default/nope/environments');

    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({
      name: 'NotFoundError',
      message: 'No entity component:default/nope in the catalog',
    });
  });

  it('answers 403 when the policy denies reading deployments', async () => {
    const { get } = await startDeliveryBackend({
      entities: [component('parking-api')],
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });

    const response = await get(
      '/entities/component/default/parking-api/environments',
    );

    expect(response.status).toBe(403);
    expect(response.body.error).toEqual({
      name: 'NotAllowedError',
      message:
        'You may not read the deployments of component:default/parking-api',
    });
  });
});
