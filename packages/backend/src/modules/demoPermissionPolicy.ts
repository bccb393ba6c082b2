import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
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
  deliveryPromotionApprovePermission,
} from '@domain-delivery/backstage-plugin-delivery-common';

/** Members of this group may do everything in the demo portal. */
export const PLATFORM_ADMINS_GROUP_REF = 'group:default/platform-admins';

/**
 * Delivery permissions that only platform admins hold: approving a production
 * promotion, and administering delivery (e.g. freeze windows).
 *
 * `delivery.promotion.create` and `delivery.rollback.create` are deliberately not here: every
 * engineer may request a promotion or a rollback, and the promotion engine decides whether the
 * target environment needs an approval first (production does), so the approval step, not this
 * policy, is what keeps production safe.
 */
const platformAdminOnlyPermissions: ReadonlySet<string> = new Set([
  deliveryPromotionApprovePermission.name,
  deliveryAdminPermission.name,
]);

/**
 * The demo portal's permission policy: platform admins are allowed everything, everyone else
 * everything except the platform-admin-only delivery permissions.
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
