import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { ForwardedError, isError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DELIVERY_ARGOCD_APP_ANNOTATION,
  DELIVERY_SERVICE_ANNOTATION,
  defaultArgoCdApplicationName,
  defaultGitOpsPath,
  getDeliveryEnvironmentNames,
  getDeliveryGitOpsPath,
  getDeliveryServiceName,
  normalizeEntityRef,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { domainName } from '../names';

/**
 * How the actions reach the catalog: on behalf of whoever runs the template.
 *
 * @public
 */
export interface CatalogAccess {
  catalog: CatalogService;
}

/** A service of a domain as the golden path needs it. */
export interface DomainService {
  entityRef: string;
  name: string;
  /** The service name in CI and the GitOps repository. */
  service: string;
  system: string;
  owner?: string;
  /** Its folder in the GitOps repository, as annotated or by default. */
  gitopsPath: string;
  /** Its Argo CD application name template, as annotated or by default. */
  argocdApp: string;
  /** Its environments, if limited by annotation. */
  environments?: string[];
}

function entityRefOf(entity: Entity): string {
  return normalizeEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace,
    name: entity.metadata.name,
  });
}

/** The catalog's error with what it said, e.g. which entity it did not find. */
function refusal(what: string, error: unknown): ForwardedError {
  const said =
    (error as { body?: { error?: { message?: string } } })?.body?.error
      ?.message ?? (isError(error) ? error.message : String(error));
  return new ForwardedError(`The catalog refused ${what}: ${said}`, error);
}

/** Asks the catalog to process an entity now rather than at its next turn. */
export async function refreshEntity(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  entityRef: string,
): Promise<void> {
  try {
    await catalog.refreshEntity(entityRef, { credentials });
  } catch (error) {
    throw refusal(`to refresh ${entityRef}`, error);
  }
}

async function queryEntities(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  filter: Array<Record<string, string | symbol>>,
  fields: string[],
): Promise<Entity[]> {
  const entities: Entity[] = [];
  let cursor: string | undefined;
  do {
    try {
      const page = await catalog.queryEntities(
        cursor ? { cursor } : { filter, fields, limit: 500 },
        { credentials },
      );
      entities.push(...page.items);
      cursor = page.pageInfo.nextCursor;
    } catch (error) {
      throw refusal('the query for entities', error);
    }
  } while (cursor);
  return entities;
}

/**
 * The components of a domain delivered through Domain Delivery: those of its
 * systems that carry the service annotation.
 */
export async function findDomainServices(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  domainRef: string,
): Promise<DomainService[]> {
  const domain = normalizeEntityRef(domainRef, { defaultKind: 'domain' });
  const systems = await queryEntities(
    catalog,
    credentials,
    [{ kind: 'system', 'relations.partOf': domain }],
    ['kind', 'metadata.name', 'metadata.namespace'],
  );
  if (!systems.length) {
    return [];
  }
  const components = await queryEntities(
    catalog,
    credentials,
    systems.map(system => ({
      kind: 'component',
      'relations.partOf': entityRefOf(system),
      [`metadata.annotations.${DELIVERY_SERVICE_ANNOTATION}`]:
        CATALOG_FILTER_EXISTS,
    })),
    [
      'kind',
      'metadata.name',
      'metadata.namespace',
      'metadata.annotations',
      'spec.system',
      'spec.owner',
    ],
  );
  return components
    .map(component => {
      const service = getDeliveryServiceName(component) ?? '';
      const environments = getDeliveryEnvironmentNames(component);
      return {
        entityRef: entityRefOf(component),
        name: component.metadata.name,
        service,
        system: (component.spec?.system as string | undefined) ?? '',
        ...(typeof component.spec?.owner === 'string' && {
          owner: component.spec.owner,
        }),
        gitopsPath:
          getDeliveryGitOpsPath(component) ??
          defaultGitOpsPath(domainName(domain), service),
        // The template itself, not one environment's name.
        argocdApp:
          component.metadata.annotations?.[
            DELIVERY_ARGOCD_APP_ANNOTATION
          ]?.trim() || defaultArgoCdApplicationName(service),
        ...(environments && { environments }),
      };
    })
    .filter(service => Boolean(service.service))
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
}
