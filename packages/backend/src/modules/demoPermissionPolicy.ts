import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  deliveryAdminPermission,
  deliveryEventCreatePermission,
  deliveryPromotionApprovePermission,
  deliveryPromotionCreatePermission,
  deliveryRollbackCreatePermission,
} from '@domain-delivery/backstage-plugin-delivery-common';

/** Members of this group may do everything in the demo portal. */
export const PLATFORM_ADMINS_GROUP_REF = 'group:default/platform-admins';

/**
 * Delivery permissions that only platform admins hold: approving a production
 * promotion, and administering delivery (e.g. freeze windows).
 */
const platformAdminOnlyPermissions: ReadonlySet<string> = new Set([
  deliveryPromotionApprovePermission.name,
  deliveryAdminPermission.name,
]);

/**
 * Delivery permissions that an engineer holds only on the entities their teams own (directly,
 * or through a parent group: see `parentGroupOwnership`): requesting a promotion or a rollback
 * moves a service in front of its users, which is its owners' call, and so is reporting its
 * deployments and incidents by hand. Whether the target environment then needs an approval
 * (production does) is the promotion policy's business. Services (CI with a static token) are
 * not asked: Backstage decides them by their token's access restrictions.
 */
const ownerOnlyPermissions: ReadonlySet<string> = new Set([
  deliveryPromotionCreatePermission.name,
  deliveryRollbackCreatePermission.name,
  deliveryEventCreatePermission.name,
]);

/**
 * The demo portal's permission policy: platform admins are allowed everything; everyone else
 * may promote and roll back only what their teams own, and everything else except the
 * platform-admin-only delivery permissions.
 */
export class DemoPermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (user?.info.ownershipEntityRefs.includes(PLATFORM_ADMINS_GROUP_REF)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (platformAdminOnlyPermissions.has(request.permission.name)) {
      return { result: AuthorizeResult.DENY };
    }
    if (
      ownerOnlyPermissions.has(request.permission.name) &&
      isResourcePermission(request.permission, 'catalog-entity')
    ) {
      // The catalog evaluates the condition against the entity's ownedBy relations.
      return createCatalogConditionalDecision(
        request.permission,
        catalogConditions.isEntityOwner({
          claims: user?.info.ownershipEntityRefs ?? [],
        }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/** Permission module that installs {@link DemoPermissionPolicy}. */
export const permissionModuleDemoPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'demo-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new DemoPermissionPolicy());
      },
    });
  },
});

export default permissionModuleDemoPolicy;
