import { mockApis } from '@backstage/test-utils';
import { act, waitFor } from '@testing-library/react';

type Authorize = NonNullable<
  NonNullable<Parameters<typeof mockApis.permission>[0]>['authorize']
>;
type Decision = Exclude<Authorize, Function>;

// AuthorizeResult of @backstage/plugin-permission-common, which this package
// does not depend on; its values are the wire format.
const ALLOW = 'ALLOW' as unknown as Decision;
const DENY = 'DENY' as unknown as Decision;

/** A permission API that denies the named permissions and allows every other. */
export function permissionsDenying(...names: string[]) {
  return mockApis.permission({
    authorize: request =>
      names.includes(request.permission.name) ? DENY : ALLOW,
  });
}

/**
 * Waits until the permission API was asked for each of the named permissions
 * and every decision it gave has been rendered, so a test can assert what a
 * denial hides.
 */
export async function permissionsDecided(
  authorize: jest.SpyInstance,
  ...names: string[]
) {
  await waitFor(() =>
    expect(
      authorize.mock.calls.map(([request]) => request.permission.name),
    ).toEqual(expect.arrayContaining(names)),
  );
  await act(async () => {
    await Promise.all(authorize.mock.results.map(result => result.value));
  });
}
