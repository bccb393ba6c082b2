/*
 * Where things live in the GitOps repository. The promotion executors, the
 * golden-path actions and the demo all read and write these paths, so they
 * are written here only.
 */

/**
 * The key path of the image tag in a values file: what a promotion sets.
 *
 * @public
 */
export const IMAGE_TAG_KEY_PATH: readonly string[] = ['image', 'tag'];

/**
 * The image tag key as Helm and Argo CD Image Updater write it, `image.tag`.
 *
 * @public
 */
export const IMAGE_TAG_KEY = IMAGE_TAG_KEY_PATH.join('.');

/**
 * The folder of a service's chart and values files when its entity names
 * none, `apps/<domain>/<service>`.
 *
 * @public
 */
export function defaultGitOpsPath(domain: string, service: string): string {
  return `apps/${domain}/${service}`;
}

/**
 * The Argo CD application name of a service when its entity names none,
 * `<service>-{environment}`, with the `{environment}` placeholder.
 *
 * @public
 */
export function defaultArgoCdApplicationName(service: string): string {
  return `${service}-{environment}`;
}

/**
 * The name of the values file of an environment, `values-<environment>.yaml`.
 *
 * @public
 */
export function valuesFileName(environment: string): string {
  return `values-${environment}.yaml`;
}

/**
 * The values file of an environment in a chart folder,
 * `<gitopsPath>/values-<environment>.yaml`.
 *
 * @public
 */
export function valuesFilePath(
  gitopsPath: string,
  environment: string,
): string {
  return `${gitopsPath}/${valuesFileName(environment)}`;
}

/**
 * The values file every environment shares, `values.yaml`.
 *
 * @public
 */
export const SHARED_VALUES_FILE_NAME = 'values.yaml';

/**
 * The folder of a domain's Argo CD manifests, `argocd/<domain>`.
 *
 * @public
 */
export function argoCdDomainPath(domain: string): string {
  return `argocd/${domain}`;
}

/**
 * The folder of a domain's Argo CD Applications (and its AppProject),
 * `argocd/<domain>/apps`: what the domain's app of apps watches.
 *
 * @public
 */
export function argoCdApplicationsPath(domain: string): string {
  return `${argoCdDomainPath(domain)}/apps`;
}

/**
 * The manifest of an Argo CD Application, `argocd/<domain>/apps/<application>.yaml`.
 *
 * @public
 */
export function argoCdApplicationFilePath(
  domain: string,
  application: string,
): string {
  return `${argoCdApplicationsPath(domain)}/${application}.yaml`;
}
