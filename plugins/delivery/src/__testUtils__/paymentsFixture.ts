import {
  Deployment,
  EntityEnvironments,
} from '@internal/backstage-plugin-delivery-common';
import {
  aDeployment,
  anEnvironmentStatus,
  hoursAgo,
  threeEnvironments,
} from './builders';

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
