import { Entity } from '@backstage/catalog-model';

/**
 * The service's name in CI and in the GitOps repository. Its presence means the
 * entity is delivered through Domain Delivery.
 *
 * @public
 */
export const DELIVERY_SERVICE_ANNOTATION = 'domain-delivery.io/service';

/**
 * The folder in the GitOps repository that holds the entity's
 * `values-<environment>.yaml` files, e.g. `apps/smart-city/parking-api`.
 *
 * @public
 */
export const DELIVERY_GITOPS_PATH_ANNOTATION = 'domain-delivery.io/gitops-path';

/**
 * An optional comma-separated subset of the configured environments that the
 * entity is delivered to, e.g. `dev,prod`; without it, all of them.
 *
 * @public
 */
export const DELIVERY_ENVIRONMENTS_ANNOTATION =
  'domain-delivery.io/environments';

/**
 * The Argo CD application name template of the entity, with an
 * `{environment}` placeholder, e.g. `parking-api-{environment}`.
 *
 * @public
 */
export const DELIVERY_ARGOCD_APP_ANNOTATION = 'domain-delivery.io/argocd-app';

/**
 * The label that names the environment of a generated Argo CD `Application`,
 * e.g. `prod`; the Argo CD source reads it when the entity's
 * {@link DELIVERY_ARGOCD_APP_ANNOTATION} has no `{environment}` placeholder.
 *
 * @public
 */
export const DELIVERY_ENVIRONMENT_LABEL = 'domain-delivery.io/environment';

const ENVIRONMENT_PLACEHOLDER = /\{environment\}/g;

function readAnnotation(entity: Entity, name: string): string | undefined {
  const value = entity.metadata.annotations?.[name]?.trim();
  return value ? value : undefined;
}

/**
 * Whether the entity is delivered through Domain Delivery, i.e. carries a
 * non-empty {@link DELIVERY_SERVICE_ANNOTATION}.
 *
 * @public
 */
export function isDeliveryEnabled(entity: Entity): boolean {
  return readAnnotation(entity, DELIVERY_SERVICE_ANNOTATION) !== undefined;
}

/**
 * The entity's service name in CI and the GitOps repository, if annotated.
 *
 * @public
 */
export function getDeliveryServiceName(entity: Entity): string | undefined {
  return readAnnotation(entity, DELIVERY_SERVICE_ANNOTATION);
}

/**
 * The entity's folder in the GitOps repository, without leading or trailing
 * slashes, if annotated.
 *
 * @public
 */
export function getDeliveryGitOpsPath(entity: Entity): string | undefined {
  const path = readAnnotation(entity, DELIVERY_GITOPS_PATH_ANNOTATION);
  const trimmed = path?.replace(/^\/+|\/+$/g, '');
  return trimmed ? trimmed : undefined;
}

/**
 * The environment names listed in the entity's
 * {@link DELIVERY_ENVIRONMENTS_ANNOTATION}, or `undefined` when the annotation
 * is absent or empty (meaning: every configured environment).
 *
 * @public
 */
export function getDeliveryEnvironmentNames(
  entity: Entity,
): string[] | undefined {
  const value = readAnnotation(entity, DELIVERY_ENVIRONMENTS_ANNOTATION);
  if (!value) {
    return undefined;
  }
  const names = value
    .split(',')
    .map(name => name.trim())
    .filter(Boolean);
  return names.length ? Array.from(new Set(names)) : undefined;
}

/**
 * The entity's Argo CD application name in the given environment, rendered from
 * {@link DELIVERY_ARGOCD_APP_ANNOTATION}, if annotated.
 *
 * @public
 */
export function getArgoCdApplicationName(
  entity: Entity,
  environmentName: string,
): string | undefined {
  const template = readAnnotation(entity, DELIVERY_ARGOCD_APP_ANNOTATION);
  return template?.replace(ENVIRONMENT_PLACEHOLDER, environmentName);
}
