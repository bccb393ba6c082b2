import {
  BackstageCredentials,
  BackstageUserPrincipal,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import deliveryPlugin from '@domain-delivery/backstage-plugin-delivery-backend';
import { AddressInfo } from 'node:net';
import { permissionModuleDemoPolicy } from '../demoPermissionPolicy';
import { ParentGroupOwnershipResolver } from '../parentGroupOwnership';

/**
 * Signed-in users' ownership claims as the demo's sign-in makes them: the parent-group
 * resolver over the real catalog (the claims a token would carry).
 */
const userInfoFromCatalog = createServiceFactory({
  service: coreServices.userInfo,
  deps: { catalog: catalogServiceRef, auth: coreServices.auth },
  factory: ({ catalog, auth }) => {
    const resolver = new ParentGroupOwnershipResolver(catalog, auth);
    return {
      async getUserInfo(credentials: BackstageCredentials) {
        const { userEntityRef } =
          credentials.principal as BackstageUserPrincipal;
        const { items } = await catalog.getEntitiesByRefs(
          { entityRefs: [userEntityRef] },
          { credentials: await auth.getOwnServiceCredentials() },
        );
        if (!items[0]) {
          throw new Error(`${userEntityRef} is not in the catalog`);
        }
        return {
          userEntityRef,
          ...(await resolver.resolveOwnershipEntityRefs(items[0])),
        };
      },
    };
  },
});

/**
 * Backstage's mock auth, except that a token a plugin obtained on a user's behalf reads back
 * with the plugin as the actor, as real Backstage tokens do. The catalog answers the permission
 * backend's apply-conditions request (how conditional decisions such as `isEntityOwner` are
 * decided) only for such a token; the plain mock drops the actor and would be refused.
 */
const authWithOnBehalfOfActor = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory: ({ plugin }) => {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    const onBehalfOfUser = (token: string) => {
      const prefix = 'mock-service-token:';
      return token.startsWith(prefix)
        ? (JSON.parse(token.slice(prefix.length)).obo as string | undefined)
        : undefined;
    };
    return Object.assign(Object.create(auth), {
      async authenticate(token: string, options?: object) {
        const user = onBehalfOfUser(token);
        const credentials = await auth.authenticate(token, options);
        return user
          ? mockCredentials.user(user, {
              actor: { subject: 'plugin:permission' },
            })
          : credentials;
      },
    });
  },
});

/** One response of the test backend. */
export type Answer = { status: number; body: any };

/**
 * The demo portal's backend as far as delivery goes: the real catalog (reading the given
 * catalog files), the real permission backend with the demo's policy, and the delivery plugin
 * with these settings. `call` sends a request with an `Authorization` header, or none. Resolves
 * once the catalog has processed the `processed` entities (`kind/namespace/name`).
 */
export async function startDemoPortalBackend(options: {
  catalogFiles: string[];
  processed: string[];
  delivery: object;
}) {
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      permissionPlugin,
      permissionModuleDemoPolicy,
      deliveryPlugin,
      userInfoFromCatalog,
      authWithOnBehalfOfActor,
      // Backstage's own, so that the requests' tokens go through the auth service above.
      httpAuthServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          catalog: {
            rules: [
              {
                allow: [
                  'Component',
                  'System',
                  'Domain',
                  'Group',
                  'User',
                  'Location',
                ],
              },
            ],
            locations: options.catalogFiles.map(target => ({
              type: 'file',
              target,
            })),
          },
          delivery: options.delivery,
        },
      }),
    ],
  });
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const call = async (
    authorization: string | undefined,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Answer> => {
    const response = await fetch(`${origin}/api${path}`, {
      method,
      headers: {
        ...(authorization && { authorization }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
    };
  };
  for (let attempt = 0; ; attempt++) {
    const answers = await Promise.all(
      options.processed.map(path =>
        call(
          mockCredentials.service.header(),
          'GET',
          `/catalog/entities/by-name/${path}`,
        ),
      ),
    );
    if (answers.every(answer => answer.body?.relations?.length)) {
      return { call };
    }
    if (attempt > 300) {
      throw new Error(`The catalog never processed ${options.processed}`);
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}
