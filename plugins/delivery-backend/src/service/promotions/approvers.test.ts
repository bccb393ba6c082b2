import { Entity } from '@backstage/catalog-model';
import { isEligibleApprover, resolveApprovers } from './approvers';

const entity = (owner?: string, namespace?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'parking-api', ...(namespace && { namespace }) },
  spec: { ...(owner && { owner }) },
});

describe('resolveApprovers', () => {
  it("replaces 'owner' with the entity's owning group", () => {
    expect(
      resolveApprovers(
        ['owner', 'group:default/platform-admins'],
        entity('team-smart-city', 'city'),
      ),
    ).toEqual(['group:city/team-smart-city', 'group:default/platform-admins']);
    expect(resolveApprovers(['owner'], entity('User:default/Jdoe'))).toEqual([
      'user:default/jdoe',
    ]);
  });

  it('leaves the owner out when the entity has none, and lists each approver once', () => {
    expect(resolveApprovers(['owner', 'user:default/jdoe'], entity())).toEqual([
      'user:default/jdoe',
    ]);
    expect(
      resolveApprovers(
        ['owner', 'group:default/team-smart-city'],
        entity('group:default/team-smart-city'),
      ),
    ).toEqual(['group:default/team-smart-city']);
  });
});

describe('isEligibleApprover', () => {
  const approvers = ['group:default/platform-admins', 'user:default/jdoe'];

  it('accepts a named user and the members of a named group', () => {
    expect(
      isEligibleApprover(approvers, {
        userEntityRef: 'user:default/jdoe',
        ownershipEntityRefs: ['user:default/jdoe'],
      }),
    ).toBe(true);
    expect(
      isEligibleApprover(approvers, {
        userEntityRef: 'user:default/platform-admin',
        ownershipEntityRefs: [
          'user:default/platform-admin',
          'group:default/Platform-Admins',
        ],
      }),
    ).toBe(true);
  });

  it('refuses everyone else', () => {
    expect(
      isEligibleApprover(approvers, {
        userEntityRef: 'user:default/engineer',
        ownershipEntityRefs: [
          'user:default/engineer',
          'group:default/team-smart-city',
        ],
      }),
    ).toBe(false);
  });
});
