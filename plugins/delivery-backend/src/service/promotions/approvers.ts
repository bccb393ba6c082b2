import { Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { normalizeEntityRef } from '@domain-delivery/backstage-plugin-delivery-common';

/** The `owner` placeholder of a promotion policy's approvers. */
const OWNER = 'owner';

/** The entity's owner as a canonical entity ref (a group unless it says otherwise). */
export function ownerOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') {
    return undefined;
  }
  try {
    return normalizeEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    });
  } catch {
    return undefined;
  }
}

/**
 * The policy's approvers with `owner` replaced by the entity's owner in the
 * catalog (left out when the entity has none): user and group entity refs.
 */
export function resolveApprovers(
  approvers: string[],
  entity: Entity,
): string[] {
  const resolved = approvers.flatMap(approver => {
    if (approver !== OWNER) {
      return [approver];
    }
    const owner = ownerOf(entity);
    return owner ? [owner] : [];
  });
  return Array.from(new Set(resolved));
}

/**
 * Whether a user may approve: the user is one of the approvers, or is a
 * member of (owns through) one of the approver groups.
 */
export function isEligibleApprover(
  approvers: string[],
  user: { userEntityRef: string; ownershipEntityRefs: string[] },
): boolean {
  const refs = new Set(
    [user.userEntityRef, ...user.ownershipEntityRefs].map(ref =>
      ref.toLocaleLowerCase('en-US'),
    ),
  );
  return approvers.some(approver => refs.has(approver));
}

/**
 * Throws a `NotAllowedError` saying why, unless the user is one of the
 * promotion's approvers and, to approve, is not its requester (unless the
 * policy allows self-approval).
 */
export function assertMayApprove(
  promotion: {
    id: string;
    environment: string;
    approvers: string[];
    requestedBy: string;
    allowSelfApproval: boolean;
  },
  user: { userEntityRef: string; ownershipEntityRefs: string[] },
  action: 'approve' | 'reject',
): void {
  if (!isEligibleApprover(promotion.approvers, user)) {
    throw new NotAllowedError(
      `You are not an approver of promotions into ${
        promotion.environment
      }; the approvers are ${promotion.approvers.join(', ')}`,
    );
  }
  if (
    action === 'approve' &&
    promotion.requestedBy === user.userEntityRef &&
    !promotion.allowSelfApproval
  ) {
    throw new NotAllowedError(
      `You requested promotion ${promotion.id}, and the policy of ${promotion.environment} does not let a requester approve their own promotion; another approver must`,
    );
  }
}
