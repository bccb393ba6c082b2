import { isResourcePermission } from '@backstage/plugin-permission-common';
import { deliveryPermissions } from './permissions';

describe('deliveryPermissions', () => {
  it('defines every permission with its action and resource type', () => {
    expect(
      deliveryPermissions.map(permission => ({
        name: permission.name,
        action: permission.attributes.action,
        resourceType: isResourcePermission(permission)
          ? permission.resourceType
          : undefined,
      })),
    ).toEqual([
      {
        name: 'delivery.deployment.read',
        action: 'read',
        resourceType: 'catalog-entity',
      },
      {
        name: 'delivery.promotion.create',
        action: 'create',
        resourceType: 'catalog-entity',
      },
      {
        name: 'delivery.promotion.approve',
        action: 'update',
        resourceType: undefined,
      },
      {
        name: 'delivery.rollback.create',
        action: 'create',
        resourceType: 'catalog-entity',
      },
      { name: 'delivery.admin', action: 'update', resourceType: undefined },
      {
        name: 'delivery.event.create',
        action: 'create',
        resourceType: 'catalog-entity',
      },
    ]);
  });
});
