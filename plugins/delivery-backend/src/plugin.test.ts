import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { deliveryExecutorsExtensionPoint } from '@domain-delivery/backstage-plugin-delivery-node';
import request from 'supertest';
import { deliveryPlugin } from './plugin';

// Each test starts a backend, whose first start migrates the database.
jest.setTimeout(60_000);

function executorModule(moduleId: string, type: string) {
  return createBackendModule({
    pluginId: 'delivery',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { executors: deliveryExecutorsExtensionPoint },
        async init({ executors }) {
          executors.addExecutor({
            type,
            execute: async () => ({ message: `executed by ${moduleId}` }),
          });
        },
      });
    },
  });
}

describe('deliveryPlugin', () => {
  it('answers the liveness probe without credentials, and nothing else', async () => {
    const { server } = await startTestBackend({
      features: [
        deliveryPlugin,
        // The mock treats a request without a header as the mock user unless told otherwise.
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });

    const health = await request(server).get('/api/delivery/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });

    const environments = await request(server).get(
      '/api/delivery/environments',
    );
    expect(environments.status).toBe(401);
    const deployments = await request(server).get(
      '/api/delivery/deployments?entityRef=component:default/parking-api',
    );
    expect(deployments.status).toBe(401);
  });

  it('lists the configured environments in promotion order', async () => {
    const { server } = await startTestBackend({
      features: [
        deliveryPlugin,
        mockServices.rootConfig.factory({
          data: {
            delivery: {
              environments: [
                { name: 'dev', title: 'Development' },
                { name: 'qa', title: 'QA' },
                { name: 'prod', title: 'Production', production: true },
              ],
            },
          },
        }),
      ],
    });

    const response = await request(server)
      .get('/api/delivery/environments')
      .set('Authorization', mockCredentials.user.header());

    expect(response.status).toBe(200);
    expect(
      response.body.items.map((e: { name: string; production: boolean }) => [
        e.name,
        e.production,
      ]),
    ).toEqual([
      ['dev', false],
      ['qa', false],
      ['prod', true],
    ]);
    expect(response.body.items[2].promotion).toMatchObject({
      promotedFrom: 'qa',
      requiredApprovals: 1,
    });
  });

  it('refuses to start with a source environment that does not exist', async () => {
    await expect(
      startTestBackend({
        features: [
          deliveryPlugin,
          mockServices.rootConfig.factory({
            data: {
              delivery: {
                environments: [
                  { name: 'dev' },
                  { name: 'staging' },
                  { name: 'prod', promotion: { from: 'qa' } },
                ],
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      "delivery.environments[2].promotion.from refers to unknown environment 'qa'",
    );
  });

  it('registers the delivery permissions', async () => {
    const { server } = await startTestBackend({ features: [deliveryPlugin] });

    const response = await request(server)
      .get('/api/delivery/.well-known/backstage/permissions/metadata')
      .set('Authorization', mockCredentials.service.header());

    expect(response.status).toBe(200);
    expect(
      response.body.permissions.map((p: { name: string }) => p.name),
    ).toEqual(
      expect.arrayContaining([
        'delivery.deployment.read',
        'delivery.promotion.create',
        'delivery.promotion.approve',
        'delivery.rollback.create',
        'delivery.admin',
      ]),
    );
  });

  it('accepts a module that adds a promotion executor, and warns of environments it cannot promote into', async () => {
    const logger = mockServices.logger.mock();
    await startTestBackend({
      features: [
        deliveryPlugin,
        executorModule('test-executor', 'test-sync'),
        logger.factory,
        mockServices.rootConfig.factory({
          data: {
            delivery: {
              environments: [
                { name: 'dev', executor: { type: 'test-sync' } },
                { name: 'prod', executor: { type: 'custom-deploy' } },
                { name: 'qa' },
                { name: 'local', executor: { type: 'gitops-local' } },
                {
                  name: 'pr',
                  executor: {
                    type: 'github-pr',
                    owner: 'acme',
                    repo: 'gitops',
                  },
                },
              ],
            },
          },
        }),
      ],
    });

    // One warning names each environment that cannot be promoted into:
    // a type nobody installed, no executor at all, a gitops-local executor
    // without its folder. github-pr and argocd-sync are built in.
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      "Promotions into 3 of the configured environments will be refused: no promotion executor of type 'custom-deploy' is installed, so promotions into prod cannot be carried out: install the module that adds it or change delivery.environments[1].executor.type; qa has no executor, so promotions into it cannot be carried out: set delivery.environments[2].executor (e.g. type github-pr or gitops-local); promotions into local cannot be carried out: delivery.environments[3].executor: the gitops-local executor needs the folder of its git repository: set its path option or delivery.gitops.local.path",
    );
  });

  it('refuses two modules that add executors of the same type', async () => {
    await expect(
      startTestBackend({
        features: [
          deliveryPlugin,
          executorModule('first', 'github-pr'),
          executorModule('second', 'github-pr'),
        ],
      }),
    ).rejects.toThrow(
      "A promotion executor of type 'github-pr' is already installed",
    );
  });
});
