import { createPermission } from '@backstage/plugin-permission-common';

// Same value as RESOURCE_TYPE_CATALOG_ENTITY of @backstage/plugin-catalog-common/alpha,
// which this package does not depend on: these permissions are checked against the
// catalog entity they concern.
const CATALOG_ENTITY_RESOURCE_TYPE = 'catalog-entity';

/**
 * Read an entity's deployments, environments and DORA numbers.
 *
 * @public
 */
export const deliveryDeploymentReadPermission = createPermission({
  name: 'delivery.deployment.read',
  attributes: { action: 'read' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Request (and have executed) the promotion of a version of an entity into an
 * environment.
 *
 * @public
 */
export const deliveryPromotionCreatePermission = createPermission({
  name: 'delivery.promotion.create',
  attributes: { action: 'create' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Approve or reject a promotion that waits for approval.
 *
 * @public
 */
export const deliveryPromotionApprovePermission = createPermission({
  name: 'delivery.promotion.approve',
  attributes: { action: 'update' },
});

/**
 * Roll an entity back to an earlier version in an environment.
 *
 * @public
 */
export const deliveryRollbackCreatePermission = createPermission({
  name: 'delivery.rollback.create',
  attributes: { action: 'create' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Administer Domain Delivery, e.g. set freeze windows.
 *
 * @public
 */
export const deliveryAdminPermission = createPermission({
  name: 'delivery.admin',
  attributes: { action: 'update' },
});

/**
 * Report deployment and incident events to `POST /api/delivery/events`; held by
 * CI systems and other services. Checked against the catalog entity each event
 * concerns, so a policy can limit a reporter to some entities with the
 * catalog's conditional rules (e.g. `isEntityOwner`, `hasAnnotation`).
 *
 * @public
 */
export const deliveryEventCreatePermission = createPermission({
  name: 'delivery.event.create',
  attributes: { action: 'create' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Every permission of the delivery plugin, for registration with the
 * permissions registry.
 *
 * @public
 */
export const deliveryPermissions = [
  deliveryDeploymentReadPermission,
  deliveryPromotionCreatePermission,
  deliveryPromotionApprovePermission,
  deliveryRollbackCreatePermission,
  deliveryAdminPermission,
  deliveryEventCreatePermission,
];
