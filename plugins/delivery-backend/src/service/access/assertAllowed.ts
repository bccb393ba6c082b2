import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/** One permission to check, against a resource when it names one. */
export type PermissionCheck = Parameters<
  PermissionsService['authorize']
>[0][number];

/** Whether the caller holds the permission. */
export async function isAllowed(
  permissions: PermissionsService,
  check: PermissionCheck,
  credentials: BackstageCredentials,
): Promise<boolean> {
  const [decision] = await permissions.authorize([check], { credentials });
  return decision.result === AuthorizeResult.ALLOW;
}

/** Throws a `NotAllowedError` saying `refusal` unless the caller holds the permission. */
export async function assertAllowed(
  permissions: PermissionsService,
  check: PermissionCheck,
  credentials: BackstageCredentials,
  refusal: string,
): Promise<void> {
  if (!(await isAllowed(permissions, check, credentials))) {
    throw new NotAllowedError(refusal);
  }
}

/** Those of the entities on which the caller holds the permission, in one batch of checks. */
export async function allowedEntities(
  permissions: PermissionsService,
  permission: ResourcePermission<'catalog-entity'>,
  entityRefs: Iterable<string>,
  credentials: BackstageCredentials,
): Promise<Set<string>> {
  const refs = [...new Set(entityRefs)];
  if (refs.length === 0) {
    return new Set();
  }
  const decisions = await permissions.authorize(
    refs.map(resourceRef => ({ permission, resourceRef })),
    { credentials },
  );
  return new Set(
    refs.filter(
      (_, index) => decisions[index].result === AuthorizeResult.ALLOW,
    ),
  );
}
