import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DELIVERY_SERVICE_ANNOTATION,
  normalizeEntityRef,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { CatalogAnswers } from './CatalogAnswers';
import { refSpellings, specRef } from './specRefs';

/** A component of a domain, with the system that puts it there. */
export interface DomainComponent {
  entity: Entity;
  entityRef: string;
  systemRef: string;
}

// Keeps each catalog query (a URL) short when a domain has many systems.
const SYSTEMS_PER_QUERY = 20;

/**
 * The catalog lookups of the read API, made with the caller's credentials, so
 * that a person sees only the entities the catalog lets them see.
 */
export class EntityCatalog {
  private readonly answers?: CatalogAnswers;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    options?: {
      /** Keep answers for a few seconds per caller (see CatalogAnswers). */
      rememberAnswers?: boolean;
    },
  ) {
    if (options?.rememberAnswers) {
      this.answers = new CatalogAnswers();
    }
  }

  private async remembered<T>(
    lookup: string,
    credentials: BackstageCredentials,
    compute: (lookupCredentials: BackstageCredentials) => Promise<T>,
  ): Promise<T> {
    const lookupCredentials = await this.lookupCredentials(credentials);
    if (!this.answers) {
      return compute(lookupCredentials);
    }
    return this.answers.remembered(lookup, lookupCredentials, () =>
      compute(lookupCredentials),
    );
  }

  // A service, such as CI with a static token restricted to this plugin, may
  // not call the catalog itself; its lookups are made as this plugin. What it
  // may read is still decided by the delivery permissions on its own
  // credentials.
  private async lookupCredentials(
    credentials: BackstageCredentials,
  ): Promise<BackstageCredentials> {
    return this.auth.isPrincipal(credentials, 'service')
      ? this.auth.getOwnServiceCredentials()
      : credentials;
  }

  /** The entity, or a `NotFoundError` when the caller's catalog has no such entity. */
  async getEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.findEntity(entityRef, credentials);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    return entity;
  }

  /** The entity, or undefined when the caller's catalog has no such entity. */
  async findEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    return this.remembered(`entity ${entityRef}`, credentials, lookup =>
      this.catalog.getEntityByRef(entityRef, { credentials: lookup }),
    );
  }

  /**
   * The components of a domain (component → system → domain), by entity
   * ref; a `NotFoundError` when the catalog has no such domain.
   */
  async getDomainComponents(
    domainRef: string,
    credentials: BackstageCredentials,
  ): Promise<DomainComponent[]> {
    return this.remembered(`components of ${domainRef}`, credentials, lookup =>
      this.readDomainComponents(domainRef, lookup),
    );
  }

  private async readDomainComponents(
    domainRef: string,
    credentials: BackstageCredentials,
  ): Promise<DomainComponent[]> {
    await this.getEntity(domainRef, credentials);

    const { items: systems } = await this.catalog.getEntities(
      {
        filter: { kind: 'system', 'spec.domain': refSpellings(domainRef) },
        fields: ['kind', 'metadata.namespace', 'metadata.name', 'spec.domain'],
      },
      { credentials: await this.lookupCredentials(credentials) },
    );
    const systemRefs = systems
      .filter(
        system =>
          specRef(system.spec?.domain, {
            defaultKind: 'domain',
            defaultNamespace: system.metadata.namespace,
          }) === domainRef,
      )
      .map(system => normalizeEntityRef(system));

    const components: DomainComponent[] = [];
    for (let i = 0; i < systemRefs.length; i += SYSTEMS_PER_QUERY) {
      const batch = new Set(systemRefs.slice(i, i + SYSTEMS_PER_QUERY));
      const { items } = await this.catalog.getEntities(
        {
          filter: {
            kind: 'component',
            'spec.system': [...batch].flatMap(refSpellings),
          },
        },
        { credentials: await this.lookupCredentials(credentials) },
      );
      for (const entity of items) {
        const systemRef = specRef(entity.spec?.system, {
          defaultKind: 'system',
          defaultNamespace: entity.metadata.namespace,
        });
        if (systemRef && batch.has(systemRef)) {
          components.push({
            entity,
            entityRef: normalizeEntityRef(entity),
            systemRef,
          });
        }
      }
    }
    return components.sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  }

  /**
   * The domain an entity belongs to (a domain itself, or a component's or
   * API's system's domain), or undefined when it belongs to none.
   */
  async getDomainRef(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<string | undefined> {
    const namespace = entity.metadata.namespace;
    if (entity.kind.toLocaleLowerCase('en-US') === 'domain') {
      return normalizeEntityRef(entity);
    }
    const systemRef = specRef(entity.spec?.system, {
      defaultKind: 'system',
      defaultNamespace: namespace,
    });
    const system = systemRef
      ? await this.findEntity(systemRef, credentials)
      : undefined;
    return specRef(system?.spec?.domain, {
      defaultKind: 'domain',
      defaultNamespace: system?.metadata.namespace,
    });
  }

  /**
   * The refs of the entities a group owns directly (`spec.owner`, or an
   * `ownedBy` relation), sorted; a `NotFoundError` when the catalog has no
   * such group.
   */
  async getOwnedEntityRefs(
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const owned = await this.getOwnedEntities(groupRef, credentials);
    return owned.map(entity => entity.entityRef);
  }

  /**
   * The components that carry the delivery annotation, by entity ref,
   * sorted: the members of the whole portal.
   */
  async getDeliveryComponentRefs(
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    return this.remembered('delivery components', credentials, lookup =>
      this.readDeliveryComponentRefs(lookup),
    );
  }

  private async readDeliveryComponentRefs(
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: {
          kind: 'component',
          [`metadata.annotations.${DELIVERY_SERVICE_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.annotations',
        ],
      },
      { credentials: await this.lookupCredentials(credentials) },
    );
    return [...new Set(items.map(entity => normalizeEntityRef(entity)))].sort();
  }

  /**
   * The entities a group owns directly (kind, name and annotations only),
   * with their refs, sorted by ref; a `NotFoundError` when the catalog has
   * no such group.
   */
  async getOwnedEntities(
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<Array<{ entity: Entity; entityRef: string }>> {
    return this.remembered(`owned by ${groupRef}`, credentials, lookup =>
      this.readOwnedEntities(groupRef, lookup),
    );
  }

  private async readOwnedEntities(
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<Array<{ entity: Entity; entityRef: string }>> {
    await this.getEntity(groupRef, credentials);
    const { name, namespace } = parseEntityRef(groupRef);
    const ownerSpellings = [
      ...refSpellings(groupRef),
      ...(namespace === 'default' ? [`group:${name}`] : []),
    ];
    const { items } = await this.catalog.getEntities(
      {
        filter: [
          { 'spec.owner': ownerSpellings },
          { 'relations.ownedBy': groupRef },
        ],
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.annotations',
          'spec.owner',
          'relations',
        ],
      },
      { credentials: await this.lookupCredentials(credentials) },
    );
    const owned = items.filter(
      entity =>
        specRef(entity.spec?.owner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace,
        }) === groupRef ||
        entity.relations?.some(
          relation =>
            relation.type === 'ownedBy' &&
            specRef(relation.targetRef, { defaultKind: 'group' }) === groupRef,
        ),
    );
    const byRef = new Map(
      owned.map(entity => [normalizeEntityRef(entity), entity]),
    );
    return [...byRef.keys()]
      .sort()
      .map(entityRef => ({ entity: byRef.get(entityRef)!, entityRef }));
  }
}
