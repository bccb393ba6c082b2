import {
  SchedulerService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Deployment } from '@domain-delivery/backstage-plugin-delivery-common';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- a test of the plugin this module extends
import deliveryPlugin from '@domain-delivery/backstage-plugin-delivery-backend';
import fs from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { smartCityComponent } from './__testUtils__/catalog';
import { deliveryModuleDemo } from './module';

describe('the delivery demo module', () => {
  const mockDir = createMockDirectory();
  beforeEach(() => mockDir.clear());
  const gitops = () => join(mockDir.path, 'gitops');

  async function start(options: {
    demo?: boolean;
    module?: boolean;
    gitopsPath?: boolean;
  }) {
    let scheduler: SchedulerService | undefined;
    const { server } = await startTestBackend({
      features: [
        deliveryPlugin,
        // Keeps the delivery plugin's scheduler, to list its tasks.
        createBackendModule({
          pluginId: 'delivery',
          moduleId: 'test-scheduler',
          register(env) {
            env.registerInit({
              deps: { plugin: coreServices.scheduler },
              async init({ plugin }) {
                scheduler = plugin;
              },
            });
          },
        }),
        ...(options.module === false ? [] : [deliveryModuleDemo]),
        catalogServiceMock.factory({
          entities: [smartCityComponent('parking-api')],
        }),
        mockServices.rootConfig.factory({
          data: {
            delivery: {
              ...(options.gitopsPath !== false && {
                gitops: { local: { path: gitops() } },
              }),
              ...(options.demo !== undefined && {
                demo: { enabled: options.demo },
              }),
            },
          },
        }),
        // Runs every task once at startup, those with an initial delay too.
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
      ],
    });
    const deployments = async (query = ''): Promise<Deployment[]> => {
      const response = await request(server)
        .get(`/api/delivery/deployments?limit=100${query}`)
        .set(
          'Authorization',
          mockCredentials.user.header('user:default/engineer'),
        );
      expect(response.status).toBe(200);
      return response.body.items;
    };
    const demoTasks = async () =>
      (await scheduler!.getScheduledTasks())
        .map(task => task.id)
        .filter(id => id.startsWith('delivery-demo'))
        .sort();
    return { deployments, demoTasks };
  }

  it("loads the demo's history and gives the GitOps repository the versions that run, when the demo is enabled", async () => {
    const { deployments, demoTasks } = await start({ demo: true });
    await expect(demoTasks()).resolves.toEqual([
      'delivery-demo-gitops',
      'delivery-demo-history',
    ]);

    const history = await deployments();
    expect(history.length).toBeGreaterThan(0);
    expect(new Set(history.map(deployment => deployment.entityRef))).toEqual(
      new Set(['component:default/parking-api']),
    );

    // Newest first: the version that runs in prod.
    const [runningInProd] = await deployments(
      '&environment=prod&status=succeeded',
    );
    const values = parse(
      fs.readFileSync(
        join(gitops(), 'apps/smart-city/parking-api/values-prod.yaml'),
        'utf8',
      ),
    );
    expect(values.image.tag).toBe(runningInProd.version);
    expect(fs.readFileSync(join(gitops(), 'README.md'), 'utf8')).toContain(
      'Stands in for the GitOps repository of the Domain Delivery demo',
    );
  });

  it('does nothing when the demo is not enabled', async () => {
    for (const demo of [undefined, false]) {
      const { deployments, demoTasks } = await start({ demo });
      await expect(demoTasks()).resolves.toEqual([]);
      await expect(deployments()).resolves.toEqual([]);
      expect(fs.existsSync(gitops())).toBe(false);
    }
  });

  it('is the only way the demo gets in: the delivery plugin alone stores nothing with the demo enabled', async () => {
    const { deployments, demoTasks } = await start({
      demo: true,
      module: false,
    });
    await expect(demoTasks()).resolves.toEqual([]);
    await expect(deployments()).resolves.toEqual([]);
    expect(fs.existsSync(gitops())).toBe(false);
  });

  it('refuses to start the demo without the local GitOps repository it seeds, naming the key', async () => {
    await expect(start({ demo: true, gitopsPath: false })).rejects.toThrow(
      'delivery.demo.enabled needs delivery.gitops.local.path, the local GitOps repository that the demo seeds and its gitops-local environments commit to, e.g. .delivery-demo/gitops',
    );
  });
});
