import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  EvaluatePermissionRequest,
  PolicyDecision,
} from '@backstage/plugin-permission-common';

/** A decision that holds only on some entities, as a policy with rules answers. */
const conditional: PolicyDecision = {
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'catalog',
  resourceType: 'catalog-entity',
  conditions: {
    rule: 'IS_ENTITY_KIND',
    resourceType: 'catalog-entity',
    params: { kinds: ['component'] },
  },
};

/**
 * A permission service that refuses every permission on these entities to users and allows
 * the rest. Asked without an entity, it answers users a conditional decision, and services an
 * allow, as Backstage does for a service without access restrictions.
 */
export function permissionsDenyingEntities(...entityRefs: string[]) {
  return mockServices.permissions.mock({
    authorizeConditional: async (requests, { credentials }) =>
      requests.map(() =>
        (credentials.principal as { type?: string }).type === 'service'
          ? { result: AuthorizeResult.ALLOW }
          : conditional,
      ),
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
