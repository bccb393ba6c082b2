import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { isDeliveryEnabled } from '@domain-delivery/backstage-plugin-delivery-common';
import { DeploymentReadAccess } from '../access/DeploymentReadAccess';
import { EntityCatalog } from './EntityCatalog';
import { EntityScope } from './EntityScope';

/** The entities of a scope the caller may read, and its delivered components among them. */
export interface ScopeMembers {
  /** Every entity of the scope whose deployments the caller may read. */
  entityRefs: string[];
  /**
   * Those of them that are components carrying the delivery annotation:
   * whose DORA tiers a roll-up spreads. Empty for a component scope.
   */
  deliveryComponentRefs: string[];
}

const isDeliveredComponent = (entity: Entity) =>
  entity.kind.toLocaleLowerCase('en-US') === 'component' &&
  isDeliveryEnabled(entity);

/**
 * The entities of a scope whose deployments the caller may read, as the
 * caller's catalog sees them: DORA's scopes, the incidents of a domain and
 * the deployment history's domain and owner filters resolve through one.
 */
export class ScopedEntities {
  constructor(
    private readonly catalog: EntityCatalog,
    /** Who may read which entity's deployments, which the scopes are filtered by. */
    readonly access: DeploymentReadAccess,
  ) {}

  /**
   * A component: itself, or a `NotAllowedError` when the caller may not read
   * it. A domain: its components (component → system → domain). A group: the
   * entities it owns. Entities the caller may not read are left out of a
   * domain or group; a `NotFoundError` when the catalog has no such entity.
   */
  async entityRefs(
    scope: EntityScope,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    return (await this.members(scope, credentials)).entityRefs;
  }

  /** {@link ScopedEntities.entityRefs}, with the delivered components among them. */
  async members(
    scope: EntityScope,
    credentials: BackstageCredentials,
  ): Promise<ScopeMembers> {
    switch (scope.type) {
      case 'component':
        await this.access.assertCanRead(scope.entityRef, credentials);
        await this.catalog.getEntity(scope.entityRef, credentials);
        return { entityRefs: [scope.entityRef], deliveryComponentRefs: [] };
      case 'domain':
        return this.readableMembers(
          await this.catalog.getDomainComponents(scope.entityRef, credentials),
          credentials,
        );
      default:
        return this.readableMembers(
          await this.catalog.getOwnedEntities(scope.entityRef, credentials),
          credentials,
        );
    }
  }

  /**
   * The components of the whole portal that carry the delivery annotation
   * and whose deployments the caller may read, sorted.
   */
  async portalDeliveryComponentRefs(
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const refs = await this.catalog.getDeliveryComponentRefs(credentials);
    const readable = await this.access.readable(refs, credentials);
    return refs.filter(ref => readable.has(ref));
  }

  private async readableMembers(
    entities: Array<{ entity: Entity; entityRef: string }>,
    credentials: BackstageCredentials,
  ): Promise<ScopeMembers> {
    const readable = await this.access.readable(
      entities.map(e => e.entityRef),
      credentials,
    );
    return {
      entityRefs: [...readable],
      deliveryComponentRefs: entities
        .filter(
          e => readable.has(e.entityRef) && isDeliveredComponent(e.entity),
        )
        .map(e => e.entityRef),
    };
  }
}
