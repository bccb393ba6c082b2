import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { DeploymentReadAccess } from '../access/DeploymentReadAccess';
import { EntityCatalog } from './EntityCatalog';
import { EntityScope } from './EntityScope';

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
    switch (scope.type) {
      case 'component':
        await this.access.assertCanRead(scope.entityRef, credentials);
        await this.catalog.getEntity(scope.entityRef, credentials);
        return [scope.entityRef];
      case 'domain': {
        const components = await this.catalog.getDomainComponents(
          scope.entityRef,
          credentials,
        );
        const refs = components.map(component => component.entityRef);
        return [...(await this.access.readable(refs, credentials))];
      }
      default: {
        const refs = await this.catalog.getOwnedEntityRefs(
          scope.entityRef,
          credentials,
        );
        return [...(await this.access.readable(refs, credentials))];
      }
    }
  }
}
