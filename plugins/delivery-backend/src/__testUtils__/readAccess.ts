import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';

/** A permission service that refuses every permission on these entities and allows the rest. */
export function permissionsDenyingEntities(...entityRefs: string[]) {
  return mockServices.permissions.mock({
    authorize: async requests =>
      (
        requests as Array<EvaluatePermissionRequest & { resourceRef?: string }>
      ).map(request => ({
        result:
          request.resourceRef && entityRefs.includes(request.resourceRef)
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
  });
}

/** Every page of a `GET /deployments` query, as lists of deployment ids. */
export async function readDeploymentPages(
  get: (path: string) => Promise<{ status: number; body: any }>,
  query: string,
): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const response = await get(
      `/deployments?${query}${
        cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
      }`,
    );
    expect(response.status).toBe(200);
    pages.push(response.body.items.map((d: { id: string }) => d.id));
    cursor = response.body.nextCursor;
  } while (cursor);
  return pages;
}
