import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

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
