import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { deliveryDeploymentReadPermission } from '@domain-delivery/backstage-plugin-delivery-common';
import { allowedEntities, assertAllowed } from './assertAllowed';

/**
 * Who may read an entity's deployments: `delivery.deployment.read`, checked
 * against the catalog entity.
 */
export class DeploymentReadAccess {
  constructor(private readonly permissions: PermissionsService) {}

  /** Throws a `NotAllowedError` unless the caller may read the entity's deployments. */
  async assertCanRead(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    await assertAllowed(
      this.permissions,
      { permission: deliveryDeploymentReadPermission, resourceRef: entityRef },
      credentials,
      `You may not read the deployments of ${entityRef}`,
    );
  }

  /** Those of the entities whose deployments the caller may read. */
  readable(
    entityRefs: Iterable<string>,
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    return allowedEntities(
      this.permissions,
      deliveryDeploymentReadPermission,
      entityRefs,
      credentials,
    );
  }
}
