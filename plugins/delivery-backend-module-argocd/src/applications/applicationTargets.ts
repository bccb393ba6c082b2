import { Entity } from '@backstage/catalog-model';
import {
  DELIVERY_ARGOCD_APP_ANNOTATION,
  Environment,
  environmentsForEntity,
  getArgoCdApplicationName,
  normalizeEntityRef,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { NamedArgoCdInstance } from '../config/readArgoCdSourceSettings';

/** One Argo CD application of an entity, and the environments it may run in. */
export interface ApplicationTarget {
  entity: Entity;
  entityRef: string;
  instance: NamedArgoCdInstance;
  application: string;
  /**
   * One environment when the annotation renders a name per environment;
   * otherwise every environment of the entity, and the application's
   * `domain-delivery.io/environment` label says which.
   */
  environments: string[];
}

/** The applications to read for an entity, and what in its annotation could not be read. */
export interface EntityApplications {
  targets: ApplicationTarget[];
  problems: string[];
}

// `instance/application`, or an application of the first instance.
function locate(
  value: string,
  instances: NamedArgoCdInstance[],
): { instance: NamedArgoCdInstance; application: string } | string {
  const slash = value.indexOf('/');
  if (slash < 0) {
    return { instance: instances[0], application: value };
  }
  const prefix = value.slice(0, slash);
  const instance = instances.find(candidate => candidate.name === prefix);
  const application = value.slice(slash + 1);
  if (!instance) {
    return `names the Argo CD instance '${prefix}', which is not among delivery.sources.argocd.instances`;
  }
  if (!application || application.includes('/')) {
    return `names no application after '${prefix}/'`;
  }
  return { instance, application };
}

/**
 * The Argo CD applications an entity's `domain-delivery.io/argocd-app`
 * annotation names: with an `{environment}` placeholder (what the golden path
 * writes, e.g. `parking-api-{environment}`), one per environment the entity
 * is delivered to; without it, one application for all of them.
 */
export function applicationTargets(
  entity: Entity,
  environments: Environment[],
  instances: NamedArgoCdInstance[],
): EntityApplications {
  const entityRef = normalizeEntityRef(entity);
  const delivered = environmentsForEntity(environments, entity).map(
    ({ name }) => name,
  );
  const annotation =
    entity.metadata.annotations?.[DELIVERY_ARGOCD_APP_ANNOTATION]?.trim() ?? '';
  const perEnvironment = annotation.includes('{environment}');
  const named = perEnvironment
    ? delivered.map(environment => ({
        value: getArgoCdApplicationName(entity, environment) ?? '',
        environments: [environment],
      }))
    : [{ value: annotation, environments: delivered }];

  const targets: ApplicationTarget[] = [];
  const problems: string[] = [];
  for (const { value, environments: candidates } of named) {
    if (!candidates.length) {
      continue;
    }
    const located = locate(value, instances);
    if (typeof located === 'string') {
      problems.push(
        `${entityRef}: ${DELIVERY_ARGOCD_APP_ANNOTATION} '${value}' ${located}`,
      );
      continue;
    }
    targets.push({ entity, entityRef, ...located, environments: candidates });
  }
  return { targets, problems };
}
