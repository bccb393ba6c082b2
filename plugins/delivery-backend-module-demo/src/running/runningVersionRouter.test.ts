import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- a test of the plugin this module extends
import deliveryPlugin from '@domain-delivery/backstage-plugin-delivery-backend';
import {
  LocalGitOpsRepository,
  setImageTag,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { join } from 'node:path';
import request from 'supertest';
import { component, smartCityComponent } from '../__testUtils__/catalog';
import { deliveryModuleDemo } from '../module';

describe("the demo's stand-in for its services' version endpoints", () => {
  const mockDir = createMockDirectory();
  beforeEach(() => mockDir.clear());
  const gitopsPath = () => join(mockDir.path, 'gitops');

  async function start() {
    const { server } = await startTestBackend({
      features: [
        deliveryPlugin,
        deliveryModuleDemo,
        catalogServiceMock.factory({
          entities: [
            smartCityComponent('bike-share-service'),
            component('undelivered-service'),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            delivery: {
              // The demo's environments, staging verified as in app-config.yaml.
              environments: [
                { name: 'dev' },
                {
                  name: 'staging',
                  promotion: { from: 'dev' },
                  verification: {
                    http: {
                      url: 'http://localhost:7007/api/delivery/demo/running/{entity}/{environment}',
                      expect: { jsonPath: '$.version', equals: '{version}' },
                      successes: 3,
                      interval: '2s',
                      timeout: '2m',
                    },
                  },
                },
                {
                  name: 'prod',
                  production: true,
                  promotion: { from: 'staging' },
                },
              ],
              gitops: { local: { path: gitopsPath() } },
              demo: { enabled: true },
            },
          },
        }),
        // A request without a token has no credentials, as in the portal.
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        // Seeds the GitOps repository at startup.
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
      ],
    });
    // No Authorization header: a verification calls it as it calls a service.
    const running = (entity: string, environment: string) =>
      request(server).get(
        `/api/delivery/demo/running/${entity}/${environment}`,
      );
    return { running, server };
  }

  it('answers the image tag that a promotion committed, without a token', async () => {
    const { running } = await start();
    const seeded = await running('bike-share-service', 'staging');
    expect(seeded.status).toBe(200);
    expect(seeded.body.version).toEqual(expect.any(String));

    // A promotion's commit, as the gitops-local executor makes it.
    const path = 'apps/smart-city/bike-share-service/values-staging.yaml';
    await LocalGitOpsRepository.forPromotions(gitopsPath()).propose({
      message:
        'Promote component:default/bike-share-service to 9.9.9 in staging',
      files: [
        {
          path,
          content: before =>
            setImageTag(before, '9.9.9', {
              path,
              subject: 'component:default/bike-share-service',
              environment: 'staging',
            }),
        },
      ],
    });

    const promoted = await running('bike-share-service', 'staging');
    expect(promoted.status).toBe(200);
    expect(promoted.body).toEqual({ version: '9.9.9' });
    // The other environments run what they ran.
    const prod = await running('bike-share-service', 'prod');
    expect(prod.body.version).not.toBe('9.9.9');
  });

  it('answers 503 for a version marked as crash-looping, which never starts', async () => {
    const { running } = await start();
    const path = 'apps/smart-city/bike-share-service/values-staging.yaml';
    await LocalGitOpsRepository.forPromotions(gitopsPath()).propose({
      message:
        'Promote component:default/bike-share-service to 2.0.0-crashloop in staging',
      files: [
        {
          path,
          content: before =>
            setImageTag(before, '2.0.0-crashloop', {
              path,
              subject: 'component:default/bike-share-service',
              environment: 'staging',
            }),
        },
      ],
    });

    const crashing = await running('bike-share-service', 'staging');
    expect(crashing.status).toBe(503);
    expect(crashing.body.error.message).toBe(
      'bike-share-service 2.0.0-crashloop keeps crashing on start in staging',
    );
  });

  it('answers 404 naming what is missing for an unknown entity or environment', async () => {
    const { running } = await start();

    const unknown = await running('no-such-service', 'staging');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      'No component no-such-service with a domain-delivery.io/gitops-path annotation in the catalog',
    );

    const undelivered = await running('undelivered-service', 'staging');
    expect(undelivered.status).toBe(404);
    expect(undelivered.body.error.message).toBe(
      'No component undelivered-service with a domain-delivery.io/gitops-path annotation in the catalog',
    );

    const environment = await running('bike-share-service', 'qa');
    expect(environment.status).toBe(404);
    expect(environment.body.error.message).toBe(
      'bike-share-service does not run in qa: the GitOps repository has no apps/smart-city/bike-share-service/values-qa.yaml',
    );
  });

  it("starts no verification for the demo's history: it all finished hours before the portal started", async () => {
    const { server } = await start();
    const response = await request(server)
      .get('/api/delivery/deployments?environment=staging&limit=100')
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/engineer'),
      );
    expect(response.status).toBe(200);
    expect(response.body.items.length).toBeGreaterThan(0);
    expect(
      response.body.items.filter(
        (deployment: { verification?: unknown }) => deployment.verification,
      ),
    ).toEqual([]);
  });

  it('is the only path of the delivery plugin that needs no token', async () => {
    const { running, server } = await start();
    expect((await running('bike-share-service', 'staging')).status).toBe(200);
    expect(
      (await request(server).get('/api/delivery/deployments')).status,
    ).toBe(401);
  });
});
