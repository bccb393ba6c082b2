import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  deliveryEventCreatePermission,
  deliveryPromotionCreatePermission,
  deliveryRollbackCreatePermission,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DemoPermissionPolicy } from './demoPermissionPolicy';

function userOf(name: string, groups: string[]): PolicyQueryUser {
  const userEntityRef = `user:default/${name}`;
  return {
    credentials: mockCredentials.user(userEntityRef),
    info: {
      userEntityRef,
      ownershipEntityRefs: [
        userEntityRef,
        ...groups.map(group => `group:default/${group}`),
      ],
    },
  };
}

const permission = (name: string) =>
  createPermission({ name, attributes: { action: 'update' } });

describe('DemoPermissionPolicy', () => {
  const policy = new DemoPermissionPolicy();
  const platformAdmin = userOf('platform-admin', ['platform-admins']);
  const engineer = userOf('engineer', ['team-smart-city']);

  it.each([
    'delivery.promotion.approve',
    'delivery.admin',
    'delivery.promotion.create',
    'delivery.rollback.create',
    'catalog.entity.delete',
  ])('allows a platform admin %s', async name => {
    await expect(
      policy.handle({ permission: permission(name) }, platformAdmin),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it.each(['delivery.promotion.approve', 'delivery.admin'])(
    'denies an engineer %s',
    async name => {
      await expect(
        policy.handle({ permission: permission(name) }, engineer),
      ).resolves.toEqual({ result: AuthorizeResult.DENY });
    },
  );

  it.each([
    deliveryPromotionCreatePermission,
    deliveryRollbackCreatePermission,
    deliveryEventCreatePermission,
  ])(
    'lets an engineer $name only on entities their teams own',
    async ownerOnly => {
      await expect(
        policy.handle({ permission: ownerOnly }, engineer),
      ).resolves.toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: { claims: engineer.info.ownershipEntityRefs },
        },
      });
    },
  );

  it('allows a platform admin to promote any entity', async () => {
    await expect(
      policy.handle(
        { permission: deliveryPromotionCreatePermission },
        platformAdmin,
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it.each(['catalog.entity.read', 'scaffolder.task.create'])(
    'allows an engineer %s',
    async name => {
      await expect(
        policy.handle({ permission: permission(name) }, engineer),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    },
  );

  it('denies approvals to a request without a user', async () => {
    await expect(
      policy.handle({ permission: permission('delivery.promotion.approve') }),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('does not take a group of a similar name for platform-admins', async () => {
    const impostor = userOf('mallory', ['platform-admins-fans']);
    await expect(
      policy.handle(
        { permission: permission('delivery.promotion.approve') },
        impostor,
      ),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });
});
