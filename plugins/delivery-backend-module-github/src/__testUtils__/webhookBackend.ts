import { BackendFeature, ServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the plugin this module extends, run for real
import deliveryPlugin from '@domain-delivery/backstage-plugin-delivery-backend';
import eventsPlugin from '@backstage/plugin-events-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { createHmac, randomUUID } from 'node:crypto';
import { Server } from 'node:http';
import { dirname, join } from 'node:path';
import request from 'supertest';
import deliveryModuleGitHub from '..';

export const WEBHOOK_SECRET = 'a webhook secret of the test';

/** The entity of GitHub's example repository, `Codertocat/Hello-World`. */
export const HELLO_WORLD: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'hello-world',
    annotations: { 'github.com/project-slug': 'Codertocat/Hello-World' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};
export const HELLO_WORLD_REF = 'component:default/hello-world';

/** The entity of GitHub's example organisation repository, `octo-org/octo-repo`. */
export const OCTO_REPO: Entity = {
  ...HELLO_WORLD,
  metadata: {
    name: 'octo-repo',
    annotations: { 'github.com/project-slug': 'octo-org/octo-repo' },
  },
};
export const OCTO_REPO_REF = 'component:default/octo-repo';

export class WebhookBackend {
  constructor(readonly server: Server) {}

  /** Delivers a webhook as GitHub does, signed unless told otherwise. */
  deliver(
    event: string,
    payload: object,
    options: { signature?: string | null } = {},
  ) {
    const body = JSON.stringify(payload);
    const delivery = request(this.server)
      .post('/api/events/http/github')
      .set('Content-Type', 'application/json')
      .set('X-GitHub-Event', event)
      .set('X-GitHub-Delivery', randomUUID());
    const signed =
      options.signature === undefined ? signature(body) : options.signature;
    return (
      signed === null ? delivery : delivery.set('X-Hub-Signature-256', signed)
    ).send(body);
  }

  // The items a read route answers for the entity, as the test's user.
  private async items(path: string, entityRef: string) {
    const response = await request(this.server)
      .get(path)
      .query({ entityRef })
      .set('Authorization', mockCredentials.user.header());
    if (response.status !== 200) {
      throw new Error(`${response.status} ${response.text}`);
    }
    return response.body.items as JsonObject[];
  }

  deployments(entityRef = HELLO_WORLD_REF) {
    return this.items('/api/delivery/deployments', entityRef);
  }

  promotions(entityRef = HELLO_WORLD_REF) {
    return this.items('/api/delivery/promotions', entityRef);
  }

  pipelineRuns(entityRef = HELLO_WORLD_REF) {
    return this.items('/api/delivery/pipelines/runs', entityRef);
  }

  /** Approves or rejects a promotion as the test's user, through the API. */
  decide(id: string, decision: 'approve' | 'reject', comment: string) {
    return request(this.server)
      .post(`/api/delivery/promotions/${id}/${decision}`)
      .set('Authorization', mockCredentials.user.header())
      .send({ comment });
  }

  /** Reports events through `POST /api/delivery/events`, as a pipeline does. */
  async report(events: JsonObject[]) {
    const response = await request(this.server)
      .post('/api/delivery/events')
      .set('Authorization', mockCredentials.user.header())
      .send(events);
    if (response.status !== 200) {
      throw new Error(`${response.status} ${response.text}`);
    }
  }

  incidents(entityRef = HELLO_WORLD_REF) {
    return this.items('/api/delivery/incidents', entityRef);
  }
}

/**
 * The events backend's GitHub modules: the webhook endpoint with its signature
 * check, and the router that publishes each delivery under `github.<event>`.
 * The package's default export loads them with `import()`, which Jest runs
 * only with Node's experimental VM modules; so they are required from its
 * build, as that loader would load them.
 */
function githubEventsModules(): BackendFeature[] {
  const dist = join(
    dirname(
      require.resolve(
        '@backstage/plugin-events-backend-module-github/package.json',
      ),
    ),
    'dist/service',
  );
  return [
    'eventsModuleGithubWebhook.cjs.js',
    'eventsModuleGithubEventRouter.cjs.js',
  ].map(file => require(join(dist, file)).default);
}

/**
 * A backend with the real events backend and its GitHub module, the delivery
 * plugin and this module; GitHub's REST API is whatever msw answers.
 */
export async function startWebhookBackend(
  options: {
    github?: JsonObject;
    entities?: Entity[];
    environments?: JsonObject[];
    /** Where GitHub's REST API is, e.g. a stand-in on 127.0.0.1. */
    apiBaseUrl?: string;
    features?: Array<BackendFeature | ServiceFactory>;
  } = {},
) {
  const { server } = await startTestBackend({
    features: [
      // The backend's own events service, not the test's per-plugin stand-in:
      // what the events plugin publishes reaches the delivery plugin.
      eventsServiceFactory,
      eventsPlugin,
      ...githubEventsModules(),
      deliveryPlugin,
      deliveryModuleGitHub,
      catalogServiceMock.factory({
        entities: options.entities ?? [HELLO_WORLD],
      }),
      mockServices.rootConfig.factory({
        data: {
          events: {
            modules: { github: { webhookSecret: WEBHOOK_SECRET } },
            // One process: no bus between replicas, whose long poll would hold
            // every test backend open until it times out.
            useEventBus: 'never',
          },
          integrations: {
            github: [
              {
                host: 'github.com',
                token: 'ghp_test',
                ...(options.apiBaseUrl && { apiBaseUrl: options.apiBaseUrl }),
              },
            ],
          },
          delivery: {
            environments: options.environments ?? [
              { name: 'dev' },
              { name: 'staging', promotion: { from: 'dev' } },
              {
                name: 'prod',
                production: true,
                promotion: { from: 'staging' },
              },
            ],
            github: options.github ?? {
              deployments: {
                environments: [{ github: 'production', environment: 'prod' }],
              },
              // Tests of the webhooks ask GitHub only what a delivery makes them ask.
              backfill: { enabled: false },
            },
          },
        },
      }),
      ...(options.features ?? []),
    ],
  });
  return new WebhookBackend(server);
}

/** A signature as GitHub computes it: HMAC-SHA256 of the body with the secret. */
export function signature(body: string, secret = WEBHOOK_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
