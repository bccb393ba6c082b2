import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ForwardedError, ResponseError } from '@backstage/errors';
import {
  DELIVERY_ARGOCD_APP_ANNOTATION,
  DELIVERY_ENVIRONMENTS_ANNOTATION,
  DELIVERY_GITOPS_PATH_ANNOTATION,
  DELIVERY_SERVICE_ANNOTATION,
  defaultGitOpsPath,
  normalizeEntityRef,
} from '@internal/backstage-plugin-delivery-common';
import { domainName } from '../names';

/** How the actions reach the catalog: on behalf of whoever runs the template. */
export interface CatalogAccess {
  discovery: DiscoveryService;
  auth: AuthService;
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

interface CatalogEntity {
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    annotations?: Record<string, string>;
  };
  spec?: { system?: string; owner?: string };
}

function entityRefOf(entity: CatalogEntity): string {
  return normalizeEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace,
    name: entity.metadata.name,
  });
}

async function catalogFetch(
  access: CatalogAccess,
  credentials: BackstageCredentials,
  path: string,
  init?: { method: string; body?: unknown },
): Promise<Response> {
  const baseUrl = await access.discovery.getBaseUrl('catalog');
  const { token } = await access.auth.getPluginRequestToken({
    onBehalfOf: credentials,
    targetPluginId: 'catalog',
  });
  const response = await fetch(`${baseUrl}${path}`, {
    method: init?.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${token}`,
      ...(init?.body !== undefined && { 'Content-Type': 'application/json' }),
    },
    body: init?.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  if (!response.ok) {
    const error = await ResponseError.fromResponse(response);
    throw new ForwardedError(
      `The catalog refused ${init?.method ?? 'GET'} ${path.split('?')[0]}: ${
        error.body.error.message
      }`,
      error,
    );
  }
  return response;
}

/** Asks the catalog to process an entity now rather than at its next turn. */
export async function refreshEntity(
  access: CatalogAccess,
  credentials: BackstageCredentials,
  entityRef: string,
): Promise<void> {
  await catalogFetch(access, credentials, '/refresh', {
    method: 'POST',
    body: { entityRef },
  });
}

async function queryEntities(
  access: CatalogAccess,
  credentials: BackstageCredentials,
  filters: string[],
  fields: string[],
): Promise<CatalogEntity[]> {
  const entities: CatalogEntity[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams(
      cursor ? { cursor } : { fields: fields.join(','), limit: '500' },
    );
    if (!cursor) {
      filters.forEach(filter => query.append('filter', filter));
    }
    const response = await catalogFetch(
      access,
      credentials,
      `/entities/by-query?${query}`,
    );
    const page = (await response.json()) as {
      items: CatalogEntity[];
      pageInfo?: { nextCursor?: string };
    };
    entities.push(...page.items);
    cursor = page.pageInfo?.nextCursor;
  } while (cursor);
  return entities;
}

/**
 * The components of a domain delivered through Domain Delivery: those of its
 * systems that carry the service annotation.
 */
export async function findDomainServices(
  access: CatalogAccess,
  credentials: BackstageCredentials,
  domainRef: string,
): Promise<DomainService[]> {
  const domain = normalizeEntityRef(domainRef, { defaultKind: 'domain' });
  const systems = await queryEntities(
    access,
    credentials,
    [`kind=system,relations.partOf=${domain}`],
    ['kind', 'metadata.name', 'metadata.namespace'],
  );
  if (!systems.length) {
    return [];
  }
  const components = await queryEntities(
    access,
    credentials,
    systems.map(
      system =>
        `kind=component,relations.partOf=${entityRefOf(
          system,
        )},metadata.annotations.${DELIVERY_SERVICE_ANNOTATION}`,
    ),
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
      const annotations = component.metadata.annotations ?? {};
      const service = annotations[DELIVERY_SERVICE_ANNOTATION] ?? '';
      const environments = annotations[DELIVERY_ENVIRONMENTS_ANNOTATION]?.split(
        ',',
      )
        .map(name => name.trim())
        .filter(Boolean);
      return {
        entityRef: entityRefOf(component),
        name: component.metadata.name,
        service,
        system: component.spec?.system ?? '',
        ...(component.spec?.owner && { owner: component.spec.owner }),
        gitopsPath:
          annotations[DELIVERY_GITOPS_PATH_ANNOTATION]?.replace(
            /^\/+|\/+$/g,
            '',
          ) || defaultGitOpsPath(domainName(domain), service),
        argocdApp:
          annotations[DELIVERY_ARGOCD_APP_ANNOTATION] ??
          `${service}-{environment}`,
        ...(environments?.length && { environments }),
      };
    })
    .filter(service => Boolean(service.service))
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
}
