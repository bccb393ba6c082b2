import {
  Deployment,
  DeploymentPage,
  Environment,
  EnvironmentStatus,
  EnvironmentSummary,
  NextEnvironmentStatus,
} from '@domain-delivery/backstage-plugin-delivery-common';

let counter = 0;

/** Now minus the given hours, ISO 8601. */
export function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * 3600 * 1000).toISOString();
}

/** A succeeded pipeline deployment of payments-api to dev, with the given changes. */
export function aDeployment(overrides: Partial<Deployment> = {}): Deployment {
  counter += 1;
  const finishedAt = overrides.finishedAt ?? hoursAgo(1);
  return {
    id: `deployment-${counter}`,
    entityRef: 'component:default/payments-api',
    environment: 'dev',
    version: '1.0.0',
    commitSha: `${counter.toString(16).padStart(7, '0')}deadbeef`,
    commits: [],
    status: 'succeeded',
    trigger: 'pipeline',
    startedAt: finishedAt,
    finishedAt,
    actor: 'user:default/priya-nair',
    ...overrides,
  };
}

/** An environment with the given promotion source, approvals and soak time. */
export function anEnvironment(
  name: string,
  title: string,
  options: {
    promotedFrom?: string;
    requiredApprovals?: number;
    minimumSoakSeconds?: number;
    production?: boolean;
  } = {},
): Environment {
  return {
    name,
    title,
    production: options.production ?? false,
    promotion: {
      promotedFrom: options.promotedFrom,
      requiredApprovals: options.requiredApprovals ?? 0,
      approvers: [],
      allowSelfApproval: false,
      minimumSoakSeconds: options.minimumSoakSeconds ?? 0,
    },
    freezeWindows: [],
    executor: { type: 'gitops-local' },
  };
}

/** dev → staging → prod, prod with one approval and an hour of soak in staging. */
export const threeEnvironments: Environment[] = [
  anEnvironment('dev', 'Development'),
  anEnvironment('staging', 'Staging', { promotedFrom: 'dev' }),
  anEnvironment('prod', 'Production', {
    promotedFrom: 'staging',
    requiredApprovals: 1,
    minimumSoakSeconds: 3600,
    production: true,
  }),
];

/** The prod of {@link threeEnvironments}, as views that act on it are handed it. */
export const productionSummary: EnvironmentSummary = {
  name: 'prod',
  title: 'Production',
  production: true,
};

/** The summary of an environment, as the backend's answers name it. */
export function summaryOf(environment: Environment): EnvironmentSummary {
  const { name, title, production } = environment;
  return { name, title, production };
}

/**
 * One environment of an entity as `GET /entities/.../environments` answers
 * it: what runs there (the deployment given) and what the next one misses.
 */
export function anEnvironmentStatus(
  environment: Environment,
  current?: Deployment,
  next?: NextEnvironmentStatus,
): EnvironmentStatus {
  return {
    environment: summaryOf(environment),
    ...(current && {
      current: {
        version: current.version,
        since: current.finishedAt ?? current.startedAt,
        deployment: current,
      },
    }),
    ...(next && { next }),
  };
}

/** A page of the deployment history, as `GET /deployments` answers it. */
export function aPage(
  items: Deployment[],
  nextCursor?: string,
): DeploymentPage {
  return { items, ...(nextCursor && { nextCursor }) };
}
