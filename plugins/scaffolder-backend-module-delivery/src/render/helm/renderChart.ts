import { IMAGE_TAG_KEY } from '@domain-delivery/backstage-plugin-delivery-common';
import { Document } from 'yaml';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import { ingressHost } from '../../names';
import { createYamlDocument } from '../yamlDocument';
import { EnvironmentProfile, environmentProfile } from './environmentProfiles';

/** What a service's chart and values are generated from. */
export interface ChartSpec {
  service: string;
  domain: string;
  description?: string;
  /** The owning group or user, as an entity ref. */
  owner?: string;
  /** The image repository, without tag. */
  image: string;
  /** Every environment of the service, in promotion order. */
  environments: Pick<Environment, 'name' | 'production'>[];
  ingressDomain: string;
  ingressClassName: string;
  secretStore: { kind: 'SecretStore' | 'ClusterSecretStore'; name: string };
}

/** The chart's version; the running version is the image tag in each environment's values. */
const CHART_VERSION = '0.1.0';

/** The chart's `Chart.yaml`. */
export function renderChartYaml(spec: ChartSpec): Document {
  return createYamlDocument({
    apiVersion: 'v2',
    name: spec.service,
    description:
      spec.description ??
      `The ${spec.service} service of the ${spec.domain} domain`,
    type: 'application',
    version: CHART_VERSION,
    appVersion: CHART_VERSION,
    keywords: [spec.domain, spec.service],
    annotations: {
      'domain-delivery.io/domain': spec.domain,
      ...(spec.owner && { 'domain-delivery.io/owner': spec.owner }),
    },
  });
}

/**
 * The values an environment's profile sets, in both the shared values and each
 * environment's file: how the service is sized, spread and logs.
 */
function sizingValues(profile: EnvironmentProfile) {
  return {
    env: { LOG_LEVEL: profile.logLevel },
    resources: profile.resources,
    autoscaling: { enabled: true, ...profile.autoscaling },
    podDisruptionBudget: profile.podDisruptionBudget,
    spreadAcrossZones: profile.spreadAcrossZones,
  };
}

/**
 * The chart's `values.yaml`: everything every environment shares, with the
 * cheapest settings; each environment's file overrides what differs.
 */
export function renderBaseValues(spec: ChartSpec): Document {
  const first = spec.environments[0] ?? { name: 'dev', production: false };
  const profile = environmentProfile({ ...first, production: false }, true);
  const document = createYamlDocument({
    domain: spec.domain,
    image: { repository: spec.image, tag: '', pullPolicy: 'IfNotPresent' },
    replicaCount: profile.autoscaling.minReplicas,
    service: { port: 80, targetPort: 8080 },
    ...sizingValues(profile),
    ingress: {
      enabled: false,
      className: spec.ingressClassName,
      host: `${spec.service}.${spec.ingressDomain}`,
      clusterIssuer: profile.clusterIssuer,
    },
    externalSecret: {
      enabled: true,
      refreshInterval: '1h',
      remoteKey: `${spec.domain}/${spec.service}`,
      secretStoreRef: spec.secretStore,
    },
    probes: {
      startup: {
        path: '/healthz',
        periodSeconds: 5,
        timeoutSeconds: 2,
        failureThreshold: 30,
      },
      liveness: {
        path: '/healthz',
        periodSeconds: 10,
        timeoutSeconds: 2,
        failureThreshold: 3,
      },
      readiness: {
        path: '/readyz',
        periodSeconds: 5,
        timeoutSeconds: 2,
        failureThreshold: 3,
      },
    },
  });
  document.commentBefore = ` Values every environment of ${spec.service} shares;\n values-<environment>.yaml overrides what differs.`;
  return document;
}

/** An environment's `values-<environment>.yaml`. */
export function renderEnvironmentValues(
  spec: ChartSpec,
  environment: Pick<Environment, 'name' | 'production'>,
): Document {
  const isFirst = spec.environments[0]?.name === environment.name;
  const profile = environmentProfile(environment, isFirst);
  const document = createYamlDocument({
    // Set by the pipeline (image updater) in the first environment and by promotions elsewhere.
    image: { tag: '' },
    replicaCount: profile.autoscaling.minReplicas,
    ...sizingValues(profile),
    ingress: {
      enabled: true,
      host: ingressHost(spec.service, environment, spec.ingressDomain),
      clusterIssuer: profile.clusterIssuer,
    },
    externalSecret: {
      remoteKey: `${spec.domain}/${spec.service}/${environment.name}`,
    },
  });
  document.commentBefore = ` ${spec.service} in ${environment.name}${
    environment.production ? ' (production)' : ''
  }.\n ${IMAGE_TAG_KEY} is the version that runs here: promotions change it.`;
  return document;
}
