import {
  Deployment,
  DeploymentCommit,
  Environment,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { FakeComponent } from './InMemoryDeliveryApi';

const HOUR_MS = 3600 * 1000;

/** The demo's environments: dev → staging → prod, one approval for prod. */
export const exampleEnvironments: Environment[] = [
  {
    name: 'dev',
    title: 'Development',
    production: false,
    promotion: {
      requiredApprovals: 0,
      approvers: [],
      allowSelfApproval: false,
      minimumSoakSeconds: 0,
    },
    freezeWindows: [],
    executor: { type: 'gitops-local' },
  },
  {
    name: 'staging',
    title: 'Staging',
    production: false,
    promotion: {
      promotedFrom: 'dev',
      requiredApprovals: 0,
      approvers: [],
      allowSelfApproval: false,
      minimumSoakSeconds: 0,
    },
    freezeWindows: [],
    executor: { type: 'gitops-local' },
  },
  {
    name: 'prod',
    title: 'Production',
    production: true,
    promotion: {
      promotedFrom: 'staging',
      requiredApprovals: 1,
      approvers: ['group:default/platform-admins'],
      allowSelfApproval: false,
      minimumSoakSeconds: 3600,
    },
    freezeWindows: [],
    executor: { type: 'gitops-local' },
  },
];

const component = (
  domain: string,
  system: string,
  name: string,
  title: string,
): FakeComponent => ({
  entityRef: `component:default/${name}`,
  title,
  system: `system:default/${system}`,
  domain: `domain:default/${domain}`,
  // Each domain's team owns its components, as in the demo catalog.
  owner: `group:default/team-${domain}`,
});

/** The demo catalog's delivered components, by domain and system. */
export const exampleComponents: FakeComponent[] = [
  component(
    'smart-city',
    'urban-mobility',
    'traffic-flow-service',
    'Traffic Flow Service',
  ),
  component(
    'smart-city',
    'urban-mobility',
    'parking-availability-service',
    'Parking Availability Service',
  ),
  component(
    'smart-city',
    'urban-mobility',
    'bike-share-service',
    'Bike Share Service',
  ),
  component(
    'business-enablement',
    'billing-platform',
    'payments-api',
    'Payments API',
  ),
  component(
    'business-enablement',
    'billing-platform',
    'invoicing-service',
    'Invoicing Service',
  ),
  component(
    'business-enablement',
    'billing-platform',
    'subscription-service',
    'Subscription Service',
  ),
  component(
    'experience',
    'customer-experience',
    'customer-profile-service',
    'Customer Profile Service',
  ),
  component(
    'experience',
    'customer-experience',
    'notification-service',
    'Notification Service',
  ),
  component(
    'journey',
    'trip-planning',
    'journey-planner-service',
    'Journey Planner Service',
  ),
  component(
    'journey',
    'trip-planning',
    'timetable-service',
    'Timetable Service',
  ),
];

const ENGINEERS = [
  'sofia-lindqvist',
  'marco-rossi',
  'priya-nair',
  'jonas-weber',
  'amara-okafor',
  'liam-chen',
];

/** A small deterministic random stream, so every render shows the same history. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (random: () => number) =>
  Array.from({ length: 40 }, () => Math.floor(random() * 16).toString(16)).join(
    '',
  );

/**
 * Two weeks of deployments for every example component, ending at `now`:
 * pipeline releases into dev, promotions to staging and prod, a few failures
 * and a rollback, so every view has something to show.
 */
export function exampleDeployments(now: Date): Deployment[] {
  const deployments: Deployment[] = [];
  exampleComponents.forEach((entity, index) => {
    const random = seeded(index + 1);
    const name = entity.entityRef.split('/')[1];
    const gapHours = [3, 8, 20, 40][index % 4];
    let minor = 1 + (index % 3);
    let patch = 0;
    let run = 1000 * (index + 1);
    let previousCommitAt = now.getTime() - 15 * 24 * HOUR_MS;
    // Promotions never overtake each other, so no environment goes backwards.
    let lastStagingAt = 0;
    let lastProdAt = 0;
    const deploy = (
      environment: string,
      version: string,
      commits: DeploymentCommit[],
      at: number,
      trigger: Deployment['trigger'],
      status: Deployment['status'],
    ) => {
      run += 1;
      const startedAt = new Date(at).toISOString();
      deployments.push({
        id: `${name}-${environment}-${run}`,
        entityRef: entity.entityRef,
        environment,
        version,
        commitSha: commits[0].sha,
        commits,
        status,
        trigger,
        startedAt,
        ...(status !== 'in_progress' && {
          finishedAt: new Date(
            at + (3 + random() * 6) * 60 * 1000,
          ).toISOString(),
        }),
        url: `https://github.com/domain-delivery-demo/${name}/actions/runs/${run}`,
        actor: `user:default/${
          ENGINEERS[Math.floor(random() * ENGINEERS.length)]
        }`,
      });
    };

    for (
      let at = now.getTime() - 14 * 24 * HOUR_MS;
      at < now.getTime() - HOUR_MS;

    ) {
      patch += 1;
      if (random() < 0.2) {
        minor += 1;
        patch = 0;
      }
      const version = `1.${minor}.${patch}`;
      const commits: DeploymentCommit[] = [];
      for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
        previousCommitAt += (at - previousCommitAt) * random();
        commits.unshift({
          sha: hex(random),
          committedAt: new Date(previousCommitAt).toISOString(),
        });
      }
      const failed = random() < 0.08;
      deploy(
        'dev',
        version,
        commits,
        at,
        'pipeline',
        failed ? 'failed' : 'succeeded',
      );
      const toStaging = at + (1 + random() * gapHours) * HOUR_MS;
      if (
        !failed &&
        toStaging < now.getTime() &&
        toStaging > lastStagingAt &&
        random() < 0.8
      ) {
        lastStagingAt = toStaging;
        deploy(
          'staging',
          version,
          commits,
          toStaging,
          'promotion',
          'succeeded',
        );
        const toProd = toStaging + (2 + random() * gapHours * 2) * HOUR_MS;
        if (toProd < now.getTime() && toProd > lastProdAt && random() < 0.45) {
          lastProdAt = toProd;
          const prodFailed = random() < 0.1;
          deploy(
            'prod',
            version,
            commits,
            toProd,
            'promotion',
            prodFailed ? 'failed' : 'succeeded',
          );
        }
      }
      at += (0.5 + random()) * gapHours * HOUR_MS;
    }
    if (index === 0) {
      const last = deployments[deployments.length - 1];
      deploy(
        'dev',
        `1.${minor}.${patch + 1}`,
        [{ sha: hex(random), committedAt: last.startedAt }],
        now.getTime() - 2 * 60 * 1000,
        'pipeline',
        'in_progress',
      );
    }
  });
  return deployments;
}
