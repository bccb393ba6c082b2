import {
  BackendFeature,
  BackstageCredentials,
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  SignalPayload,
  signalsServiceRef,
} from '@backstage/plugin-signals-node';
import {
  DeploymentEvent,
  Promotion,
  PromotionState,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import request from 'supertest';
import { deliveryPlugin } from '../plugin';
import { PromotionExecution } from '../service/promotions/execution/PromotionExecution';
import { DeploymentVerification } from '../service/verification/DeploymentVerification';

/** The test's people: the engineer, a teammate, the platform admins. */
export const ENGINEER = 'user:default/engineer';
export const TEAMMATE = 'user:default/sofia';
export const ADMIN = 'user:default/platform-admin';
export const OTHER_ADMIN = 'user:default/ada';
export const OUTSIDER = 'user:default/mallory';

const GROUPS: Record<string, string[]> = {
  [ENGINEER]: ['group:default/team-smart-city'],
  [TEAMMATE]: ['group:default/team-smart-city'],
  [ADMIN]: ['group:default/platform-admins'],
  [OTHER_ADMIN]: ['group:default/platform-admins'],
  [OUTSIDER]: ['group:default/team-journey'],
};

const ADMIN_ONLY = new Set(['delivery.promotion.approve', 'delivery.admin']);

/** A component of the smart-city team, with its GitOps path and Argo CD app. */
export function smartCityComponent(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'domain-delivery.io/service': name,
        'domain-delivery.io/gitops-path': `apps/smart-city/${name}`,
        'domain-delivery.io/argocd-app': `${name}-{environment}`,
      },
    },
    spec: {
      type: 'service',
      owner: 'group:default/team-smart-city',
      lifecycle: 'production',
    },
  };
}

/** dev → staging → prod; prod needs one approval of a platform admin and an hour in staging. */
export const environmentsConfig = (
  prod: JsonObject = {},
  executorType = 'gitops-local',
): JsonObject[] => [
  { name: 'dev', executor: { type: executorType } },
  {
    name: 'staging',
    promotion: { from: 'dev' },
    executor: { type: executorType },
  },
  {
    name: 'prod',
    production: true,
    executor: { type: executorType },
    ...prod,
    promotion: {
      from: 'staging',
      requiredApprovals: 1,
      approvers: ['group:default/platform-admins'],
      minimumSoakTime: '1h',
      ...(prod.promotion as JsonObject | undefined),
    },
  },
];

/** A succeeded deployment `minutesAgo` minutes ago. */
export function deployed(
  entityName: string,
  environment: string,
  version: string,
  minutesAgo: number,
  commits: Array<{ sha: string; minutesAgo: number }> = [],
): DeploymentEvent {
  const at = (minutes: number) =>
    new Date(Date.now() - minutes * 60_000).toISOString();
  return {
    type: 'deployment',
    id: `ci-${entityName}-${environment}-${version}-${minutesAgo}`,
    entityRef: `component:default/${entityName}`,
    environment,
    version,
    commitSha: `head-${version}`,
    commits: commits.map(commit => ({
      sha: commit.sha,
      committedAt: at(commit.minutesAgo),
    })),
    status: 'succeeded',
    trigger: 'pipeline',
    startedAt: at(minutesAgo + 2),
    finishedAt: at(minutesAgo),
  };
}

/**
 * Starts the delivery plugin with a mock catalog, the test's people and a
 * permission policy like the demo's: only platform admins approve or
 * administer. Returns clients acting as each person.
 */

// Each test's backend stops when the test ends: its shutdown waits for promotion executions under
// way, so none of them is still writing (e.g. a git commit in a temporary folder the next test
// clears) when the next test begins.
const runningBackends: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(runningBackends.splice(0).map(backend => backend.stop()));
});

export async function startPromotionBackend(
  options: {
    entities?: Entity[];
    config?: JsonObject;
    knex?: Knex;
    features?: BackendFeature[];
    /** Whether everyone holds the approve permission (the approvers rule still applies). */
    everyoneMayApprove?: boolean;
    /** Stands in for publishing a signal, after it is recorded. */
    publishSignal?: (signal: SignalPayload) => Promise<void>;
  } = {},
) {
  const sent: NotificationSendOptions[] = [];
  const signals: SignalPayload[] = [];
  let scheduler: SchedulerService | undefined;

  const backend = await startTestBackend({
    features: [
      deliveryPlugin,
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      createServiceFactory({
        service: coreServices.userInfo,
        deps: {},
        factory: () => ({
          async getUserInfo(credentials: BackstageCredentials) {
            const ref = (credentials.principal as { userEntityRef: string })
              .userEntityRef;
            return {
              userEntityRef: ref,
              ownershipEntityRefs: [ref, ...(GROUPS[ref] ?? [])],
            };
          },
        }),
      }),
      createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: () => ({
          async authorize(requests, { credentials }) {
            const ref = (credentials.principal as { userEntityRef?: string })
              .userEntityRef;
            const admin =
              options.everyoneMayApprove ||
              (!!ref && GROUPS[ref]?.includes('group:default/platform-admins'));
            return requests.map(({ permission }) => ({
              result:
                ADMIN_ONLY.has(permission.name) && !admin
                  ? AuthorizeResult.DENY
                  : AuthorizeResult.ALLOW,
            }));
          },
          async authorizeConditional(requests) {
            return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
          },
        }),
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          async send(notification: NotificationSendOptions) {
            sent.push(notification);
          },
        }),
      }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({
          async publish(signal: SignalPayload) {
            signals.push(signal);
            await options.publishSignal?.(signal);
          },
        }),
      }),
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
      ...(options.features ?? []),
    ],
  });
  const { server } = backend;
  runningBackends.push(backend);

  const client = (user: string) => {
    const authorization = mockCredentials.user.header(user);
    return {
      get: (path: string) =>
        request(server)
          .get(`/api/delivery${path}`)
          .set('Authorization', authorization),
      post: (path: string, body?: object) =>
        request(server)
          .post(`/api/delivery${path}`)
          .set('Authorization', authorization)
          .send(body),
      delete: (path: string) =>
        request(server)
          .delete(`/api/delivery${path}`)
          .set('Authorization', authorization),
    };
  };

  const engineer = client(ENGINEER);

  /** Reads the promotion until it is in one of the states. */
  const waitForState = async (
    id: string,
    states: PromotionState[],
    timeoutMs = 10_000,
  ): Promise<Promotion> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await engineer.get(`/promotions/${id}`);
      if (states.includes(body.state) || Date.now() > deadline) {
        return body;
      }
      await new Promise(resolve => setTimeout(resolve, 25));
    }
  };

  return {
    server,
    sent,
    /** The signals the plugin published. */
    signals,
    as: client,
    engineer,
    admin: client(ADMIN),
    waitForState,
    /** Runs the scheduled execution task once, as the scheduler would. */
    runExecutionTask: () => scheduler!.triggerTask(PromotionExecution.TASK_ID),
    /** Runs the scheduled verification task once, as the scheduler would. */
    runVerificationTask: () =>
      scheduler!.triggerTask(DeploymentVerification.TASK_ID),
    /** Stops the backend, as a replica that goes away. */
    stop: () => backend.stop(),
    /** Posts events as a CI service. */
    postEvents: (body: unknown) =>
      request(server)
        .post('/api/delivery/events')
        .set('Authorization', mockCredentials.service.header())
        .send(body as object),
  };
}
