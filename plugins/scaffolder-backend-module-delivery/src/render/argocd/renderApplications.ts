import {
  DELIVERY_ENVIRONMENT_LABEL,
  IMAGE_TAG_KEY,
  SHARED_VALUES_FILE_NAME,
  valuesFileName,
  valuesFilePath,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { Document } from 'yaml';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import { domainNamespace } from '../../names';
import { createYamlDocument } from '../yamlDocument';

/** Where Argo CD lives and what it reads. */
export interface ArgoCdSpec {
  /** The GitOps repository URL Argo CD reads. */
  repoUrl: string;
  /** The branch or tag Argo CD follows. */
  targetRevision: string;
  /** Argo CD's own namespace, where Applications and AppProjects live. */
  namespace: string;
  /** The cluster the services run in. */
  destinationServer: string;
}

/** A service's Argo CD applications. */
export interface ServiceApplicationsSpec extends ArgoCdSpec {
  service: string;
  domain: string;
  /** The chart's folder in the GitOps repository. */
  chartPath: string;
  /** Application names, `{environment}` replaced by the environment name. */
  applicationName: string;
  /** The image repository the image updater follows in the first environment. */
  image?: string;
}

const FINALIZER = 'resources-finalizer.argocd.argoproj.io';
const IMAGE_UPDATER = 'argocd-image-updater.argoproj.io';

/** The name of a service's application in an environment. */
export function applicationName(
  spec: Pick<ServiceApplicationsSpec, 'applicationName'>,
  environment: string,
): string {
  return spec.applicationName.replace(/\{environment\}/g, environment);
}

/**
 * The image updater annotations: the first environment runs the newest image
 * the pipeline pushed, written back to its values file in the GitOps repository.
 */
function imageUpdaterAnnotations(
  spec: ServiceApplicationsSpec,
  environment: Pick<Environment, 'name' | 'production'>,
): Record<string, string> {
  return {
    [`${IMAGE_UPDATER}/image-list`]: `service=${spec.image}`,
    [`${IMAGE_UPDATER}/service.update-strategy`]: 'newest-build',
    [`${IMAGE_UPDATER}/service.allow-tags`]: 'regexp:^[0-9a-f]{12}$',
    [`${IMAGE_UPDATER}/service.helm.image-name`]: 'image.repository',
    [`${IMAGE_UPDATER}/service.helm.image-tag`]: IMAGE_TAG_KEY,
    [`${IMAGE_UPDATER}/write-back-method`]: 'git',
    [`${IMAGE_UPDATER}/write-back-target`]: `helmvalues:/${valuesFilePath(
      spec.chartPath,
      environment.name,
    )}`,
    [`${IMAGE_UPDATER}/git-branch`]: spec.targetRevision,
  };
}

/**
 * A service's Application in one environment: automated sync with self-heal
 * and pruning outside production; in production a person syncs.
 */
export function renderApplication(
  spec: ServiceApplicationsSpec,
  environment: Pick<Environment, 'name' | 'production'>,
  options: { imageUpdater: boolean },
): Document {
  const labels = {
    'domain-delivery.io/domain': spec.domain,
    'domain-delivery.io/service': spec.service,
    [DELIVERY_ENVIRONMENT_LABEL]: environment.name,
  };
  const annotations =
    options.imageUpdater && spec.image && !environment.production
      ? imageUpdaterAnnotations(spec, environment)
      : undefined;
  return createYamlDocument({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: applicationName(spec, environment.name),
      namespace: spec.namespace,
      labels,
      ...(annotations && { annotations }),
      finalizers: [FINALIZER],
    },
    spec: {
      project: spec.domain,
      source: {
        repoURL: spec.repoUrl,
        targetRevision: spec.targetRevision,
        path: spec.chartPath,
        helm: {
          releaseName: spec.service,
          valueFiles: [
            SHARED_VALUES_FILE_NAME,
            valuesFileName(environment.name),
          ],
        },
      },
      destination: {
        server: spec.destinationServer,
        namespace: domainNamespace(spec.domain, environment.name),
      },
      syncPolicy: {
        ...(!environment.production && {
          automated: { prune: true, selfHeal: true },
        }),
        syncOptions: ['CreateNamespace=true', 'PruneLast=true'],
        retry: {
          limit: 5,
          backoff: { duration: '10s', factor: 2, maxDuration: '5m' },
        },
      },
      revisionHistoryLimit: 10,
    },
  });
}

/** What a domain's services may create in their namespaces. */
const NAMESPACED_KINDS = [
  { group: 'apps', kind: 'Deployment' },
  { group: '', kind: 'Service' },
  { group: '', kind: 'ServiceAccount' },
  { group: '', kind: 'ConfigMap' },
  { group: 'autoscaling', kind: 'HorizontalPodAutoscaler' },
  { group: 'networking.k8s.io', kind: 'Ingress' },
  { group: 'policy', kind: 'PodDisruptionBudget' },
  { group: 'external-secrets.io', kind: 'ExternalSecret' },
];

/**
 * The domain's AppProject: its applications come only from the GitOps
 * repository and go only to the domain's namespaces, with only the kinds the
 * golden path's chart creates.
 */
export function renderAppProject(
  spec: ArgoCdSpec & { domain: string; owner?: string },
): Document {
  return createYamlDocument({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: {
      name: spec.domain,
      namespace: spec.namespace,
      labels: { 'domain-delivery.io/domain': spec.domain },
      // Before the applications that belong to it.
      annotations: { 'argocd.argoproj.io/sync-wave': '-1' },
      finalizers: [FINALIZER],
    },
    spec: {
      description: `Services of the ${spec.domain} domain${
        spec.owner ? `, owned by ${spec.owner}` : ''
      }`,
      sourceRepos: [spec.repoUrl],
      destinations: [
        {
          server: spec.destinationServer,
          namespace: domainNamespace(spec.domain, '*'),
        },
      ],
      // CreateNamespace=true needs this one cluster-scoped kind.
      clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
      namespaceResourceWhitelist: NAMESPACED_KINDS,
      orphanedResources: { warn: true },
    },
  });
}

/**
 * The domain's app of apps: one Application that syncs every manifest in the
 * domain's folder (its AppProject and its services' Applications), so a new
 * service or environment only adds files.
 */
export function renderAppOfApps(
  spec: ArgoCdSpec & { domain: string; appsPath: string },
): Document {
  return createYamlDocument({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: `${spec.domain}-apps`,
      namespace: spec.namespace,
      labels: { 'domain-delivery.io/domain': spec.domain },
      finalizers: [FINALIZER],
    },
    spec: {
      // The app of apps manages Argo CD objects in Argo CD's namespace, which
      // the domain's own project does not allow.
      project: 'default',
      source: {
        repoURL: spec.repoUrl,
        targetRevision: spec.targetRevision,
        path: spec.appsPath,
        directory: { recurse: false },
      },
      destination: {
        server: 'https://kubernetes.default.svc',
        namespace: spec.namespace,
      },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        retry: {
          limit: 5,
          backoff: { duration: '10s', factor: 2, maxDuration: '5m' },
        },
      },
    },
  });
}
