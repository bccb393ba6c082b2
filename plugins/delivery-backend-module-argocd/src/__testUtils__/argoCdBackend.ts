import {
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the plugin this module extends, run for real
import deliveryPlugin from '@domain-delivery/backstage-plugin-delivery-backend';
import request from 'supertest';
import deliveryModuleArgoCd from '..';
import { ARGOCD_TASK_ID } from '../ArgoCdApplicationsSource';
import { ARGOCD } from './argoCdServer';

/** A service of the golden path: one Argo CD application per environment. */
export const PARKING_API: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'parking-api',
    annotations: {
      'domain-delivery.io/service': 'parking-api',
      'domain-delivery.io/argocd-app': 'parking-api-{environment}',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};
export const PARKING_API_REF = 'component:default/parking-api';

/** The default configuration of the tests: both instances, main first. */
export const INSTANCES = [
  { name: 'main', url: ARGOCD.main.url, token: ARGOCD.main.token },
  { name: 'eu', url: ARGOCD.eu.url, token: ARGOCD.eu.token },
];

/**
 * The delivery plugin with this module, the catalog's entities and a
 * scheduler whose task runs when the test says so.
 */
export async function startArgoCdBackend(options: {
  entities?: Entity[];
  argocd?: JsonObject;
}) {
  // Backstage's mock scheduler runs a task when told to (triggerTask); its
  // factory is there at runtime though its declared type leaves it out.
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory(options: { skipTaskRunOnStartup: boolean }): ServiceFactory;
  };
  const { server } = await startTestBackend({
    features: [
      deliveryPlugin,
      deliveryModuleArgoCd,
      scheduler.factory({ skipTaskRunOnStartup: true }),
      catalogServiceMock.factory({
        entities: options.entities ?? [PARKING_API],
      }),
      mockServices.rootConfig.factory({
        data: {
          delivery: {
            environments: [
              { name: 'dev' },
              { name: 'staging', promotion: { from: 'dev' } },
              {
                name: 'prod',
                production: true,
                promotion: { from: 'staging' },
              },
            ],
            sources: {
              argocd: options.argocd ?? { instances: INSTANCES },
            },
          },
        },
      }),
    ],
  });

  const get = async (path: string, query: Record<string, string> = {}) => {
    const response = await request(server)
      .get(path)
      .query(query)
      .set('Authorization', mockCredentials.user.header());
    if (response.status !== 200) {
      throw new Error(`${response.status} ${response.text}`);
    }
    return response.body;
  };

  return {
    scheduler,
    /** One run of the scheduled read, as the scheduler would start it. */
    readApplications: () => scheduler.triggerTask(ARGOCD_TASK_ID),
    /** The entity's deployment history, newest first. */
    deployments: async (entityRef = PARKING_API_REF) =>
      (await get('/api/delivery/deployments', { entityRef }))
        .items as JsonObject[],
    /** The entity's environments, as the environment cards read them. */
    environments: async (name = 'parking-api') =>
      (
        await get(
          `/api/delivery/entities/component/default/${encodeURIComponent(
            name,
          )}/environments`,
        )
      ).items as JsonObject[],
  };
}
