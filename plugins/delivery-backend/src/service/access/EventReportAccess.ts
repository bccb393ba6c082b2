import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { deliveryEventCreatePermission } from '@domain-delivery/backstage-plugin-delivery-common';
import { allowedEntities } from './assertAllowed';

/** Which of some entities a reporter may report events for. */
export type ReportableEntities = (entityRefs: string[]) => Promise<Set<string>>;

/**
 * Who may report events for which entities: `delivery.event.create`, checked
 * against the catalog entity each event concerns.
 */
export class EventReportAccess {
  constructor(private readonly permissions: PermissionsService) {}

  /**
   * Throws a `NotAllowedError` when the caller may report events for no entity
   * at all; otherwise answers which entities it may report for. One decision
   * without a resource first, so that an unconditional policy (and every
   * service token, which Backstage decides by its access restrictions) costs
   * no per-entity checks.
   */
  async reportableBy(
    credentials: BackstageCredentials,
  ): Promise<ReportableEntities> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: deliveryEventCreatePermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError('You may not report delivery events');
    }
    if (decision.result === AuthorizeResult.ALLOW) {
      return async entityRefs => new Set(entityRefs);
    }
    return entityRefs =>
      allowedEntities(
        this.permissions,
        deliveryEventCreatePermission,
        entityRefs,
        credentials,
      );
  }
}
