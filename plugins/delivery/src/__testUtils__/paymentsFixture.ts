import {
  Deployment,
  EntityEnvironments,
  Promotion,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  aDeployment,
  anEnvironmentStatus,
  aPage,
  hoursAgo,
  threeEnvironments,
} from './builders';
import { stubDeliveryApi } from './deliveryApiStub';
import { aPreview, aRequestedPromotion } from './promotionFixtures';

export const PAYMENTS = 'component:default/payments-api';

const [dev, staging, prod] = threeEnvironments;
const commit = { sha: 'c3c3c3c3c3', committedAt: hoursAgo(3) };

/**
 * The deployment history of payments-api (or another entity), newest first:
 * 1.4.3 in dev and, promoted by marco-rossi, in staging; 1.4.1 in prod,
 * where 1.4.2 failed.
 */
export function paymentsHistory(entityRef = PAYMENTS) {
  const deployment = (overrides: Partial<Deployment>) =>
    aDeployment({ entityRef, ...overrides });
  return {
    staging143: deployment({
      environment: 'staging',
      version: '1.4.3',
      trigger: 'promotion',
      finishedAt: hoursAgo(1.5),
      commits: [commit],
      actor: 'user:default/marco-rossi',
      url: 'https://github.com/demo/payments-api/actions/runs/7',
    }),
    dev143: deployment({
      environment: 'dev',
      version: '1.4.3',
      finishedAt: hoursAgo(2),
      commits: [commit],
    }),
    prod142Failed: deployment({
      environment: 'prod',
      version: '1.4.2',
      trigger: 'promotion',
      status: 'failed',
      finishedAt: hoursAgo(10),
    }),
    dev142: deployment({
      environment: 'dev',
      version: '1.4.2',
      finishedAt: hoursAgo(20),
      commits: [{ sha: 'c2c2c2c2c2', committedAt: hoursAgo(21) }],
    }),
    prod141: deployment({
      environment: 'prod',
      version: '1.4.1',
      trigger: 'promotion',
      finishedAt: hoursAgo(30),
    }),
    staging141: deployment({
      environment: 'staging',
      version: '1.4.1',
      trigger: 'promotion',
      finishedAt: hoursAgo(39),
    }),
    dev141: deployment({
      environment: 'dev',
      version: '1.4.1',
      finishedAt: hoursAgo(40),
    }),
  };
}

/** Where the history of {@link paymentsHistory} leaves payments-api: prod one version behind. */
export function paymentsEnvironments(entityRef = PAYMENTS): EntityEnvironments {
  const history = paymentsHistory(entityRef);
  return {
    entityRef,
    items: [
      anEnvironmentStatus(dev, history.dev143, {
        environment: 'staging',
        version: '1.4.3',
        missing: { versions: [], commits: [] },
      }),
      anEnvironmentStatus(staging, history.staging143, {
        environment: 'prod',
        version: '1.4.1',
        missing: {
          versions: [
            {
              version: '1.4.3',
              deploymentId: history.staging143.id,
              finishedAt: history.staging143.finishedAt!,
            },
          ],
          commits: [commit],
        },
      }),
      anEnvironmentStatus(prod, history.prod141),
    ],
  };
}

/** An entity's environments before any deployment was reported. */
export function nothingDeployed(entityRef = PAYMENTS): EntityEnvironments {
  return {
    entityRef,
    items: [
      anEnvironmentStatus(dev, undefined, {
        environment: 'staging',
        missing: { versions: [], commits: [] },
      }),
      anEnvironmentStatus(staging, undefined, {
        environment: 'prod',
        missing: { versions: [], commits: [] },
      }),
      anEnvironmentStatus(prod),
    ],
  };
}

/**
 * The backend of an entity whose history is {@link paymentsHistory}: 1.4.3
 * waits in staging for production, which runs 1.4.1. Its history pages
 * answer `deployments` newest first, filtered by environment and outcome.
 */
export function paymentsDeliveryApi(
  options: {
    entityRef?: string;
    environments?: EntityEnvironments;
    deployments?: Deployment[];
  } = {},
) {
  const entityRef = options.entityRef ?? PAYMENTS;
  const deployments =
    options.deployments ?? Object.values(paymentsHistory(entityRef));
  let open: Promotion[] = [];
  return stubDeliveryApi({
    getEnvironments: async () => threeEnvironments,
    getEntityEnvironments: async () =>
      options.environments ?? paymentsEnvironments(entityRef),
    getDeployments: async (query = {}) => {
      const matching = deployments.filter(
        d =>
          (!query.environment || d.environment === query.environment) &&
          (!query.status || d.status === query.status),
      );
      const start = Number(query.cursor ?? 0);
      const end = start + (query.limit ?? 25);
      return aPage(
        matching.slice(start, end),
        end < matching.length ? String(end) : undefined,
      );
    },
    listPromotions: async () => open,
    previewPromotion: async request =>
      request.environment === 'staging'
        ? aPreview(request, '1.4.3', {
            sourceEnvironment: 'dev',
            soak: undefined,
            violations: [
              {
                rule: 'already_running',
                message: '1.4.3 already runs in staging',
              },
            ],
          })
        : aPreview(request, '1.4.1', {
            violations: open.map(p => ({
              rule: 'open_promotion',
              message: `promotion ${p.id} of ${p.entityRef} into prod (${p.version}) is still ${p.state}; cancel it or wait for it to finish`,
            })),
          }),
    requestPromotion: async request => {
      const requested = aRequestedPromotion(request, '1.4.1');
      open = [requested];
      return requested;
    },
  });
}
