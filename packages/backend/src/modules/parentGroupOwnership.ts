import {
  AuthService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  AuthOwnershipResolver,
  authOwnershipResolutionExtensionPoint,
} from '@backstage/plugin-auth-node';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';

function targetsOf(entity: Entity, relationType: string): string[] {
  return (entity.relations ?? [])
    .filter(relation => relation.type === relationType)
    .map(relation => relation.targetRef);
}

/**
 * A signed-in user owns what they own themselves, what their groups own, and what every
 * ancestor of those groups owns: a member of a sub-team may promote the services its parent
 * team owns. Backstage's default stops at the user's direct groups.
 *
 * The refs end up in the user's token as ownership claims, which the permission policy hands
 * to the catalog's `isEntityOwner` rule.
 */
export class ParentGroupOwnershipResolver implements AuthOwnershipResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async resolveOwnershipEntityRefs(
    entity: Entity,
  ): Promise<{ ownershipEntityRefs: string[] }> {
    const groups = new Set(targetsOf(entity, RELATION_MEMBER_OF));
    let frontier = [...groups];
    // Each round climbs one level; the set stops cycles in a badly drawn hierarchy.
    while (frontier.length > 0) {
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: frontier, fields: ['relations'] },
        { credentials: await this.auth.getOwnServiceCredentials() },
      );
      frontier = [];
      for (const group of items) {
        for (const parent of group ? targetsOf(group, RELATION_CHILD_OF) : []) {
          if (!groups.has(parent)) {
            groups.add(parent);
            frontier.push(parent);
          }
        }
      }
    }
    return { ownershipEntityRefs: [stringifyEntityRef(entity), ...groups] };
  }
}

/** Auth module that makes sign-ins carry the ancestors of the user's groups as well. */
export const authModuleParentGroupOwnership = createBackendModule({
  pluginId: 'auth',
  moduleId: 'parent-group-ownership',
  register(reg) {
    reg.registerInit({
      deps: {
        ownership: authOwnershipResolutionExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ ownership, catalog, auth }) {
        ownership.setAuthOwnershipResolver(
          new ParentGroupOwnershipResolver(catalog, auth),
        );
      },
    });
  },
});

export default authModuleParentGroupOwnership;
