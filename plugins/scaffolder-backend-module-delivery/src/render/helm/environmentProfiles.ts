import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';

/** What differs between environments in a service's Helm values. */
export interface EnvironmentProfile {
  autoscaling: {
    minReplicas: number;
    maxReplicas: number;
    targetCPUUtilizationPercentage: number;
  };
  resources: {
    requests: { cpu: string; memory: string };
    limits: { cpu: string; memory: string };
  };
  podDisruptionBudget: { enabled: boolean; minAvailable: number };
  spreadAcrossZones: boolean;
  logLevel: 'debug' | 'info';
  clusterIssuer: string;
}

const FIRST: EnvironmentProfile = {
  autoscaling: {
    minReplicas: 1,
    maxReplicas: 2,
    targetCPUUtilizationPercentage: 80,
  },
  resources: {
    requests: { cpu: '50m', memory: '64Mi' },
    limits: { cpu: '500m', memory: '256Mi' },
  },
  podDisruptionBudget: { enabled: false, minAvailable: 0 },
  spreadAcrossZones: false,
  logLevel: 'debug',
  clusterIssuer: 'letsencrypt-staging',
};

const INTERMEDIATE: EnvironmentProfile = {
  autoscaling: {
    minReplicas: 2,
    maxReplicas: 4,
    targetCPUUtilizationPercentage: 75,
  },
  resources: {
    requests: { cpu: '100m', memory: '128Mi' },
    limits: { cpu: '500m', memory: '256Mi' },
  },
  podDisruptionBudget: { enabled: true, minAvailable: 1 },
  spreadAcrossZones: false,
  logLevel: 'info',
  clusterIssuer: 'letsencrypt-staging',
};

const PRODUCTION: EnvironmentProfile = {
  autoscaling: {
    minReplicas: 3,
    maxReplicas: 10,
    targetCPUUtilizationPercentage: 70,
  },
  resources: {
    requests: { cpu: '250m', memory: '256Mi' },
    limits: { cpu: '1', memory: '512Mi' },
  },
  podDisruptionBudget: { enabled: true, minAvailable: 2 },
  spreadAcrossZones: true,
  logLevel: 'info',
  clusterIssuer: 'letsencrypt-prod',
};

/**
 * The profile of an environment: production is the strictest (more replicas,
 * more headroom, a disruption budget, spread over zones); the first
 * environment in promotion order is the cheapest; the ones between, in
 * between.
 */
export function environmentProfile(
  environment: Pick<Environment, 'name' | 'production'>,
  isFirst: boolean,
): EnvironmentProfile {
  if (environment.production) {
    return PRODUCTION;
  }
  return isFirst ? FIRST : INTERMEDIATE;
}
