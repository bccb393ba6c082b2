import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  Environment,
  deliveryAdminPermission,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { assertAllowed } from '../service/access/assertAllowed';
import { FreezeWindowService } from '../service/promotions/freezeWindows/FreezeWindowService';
import { DeliveryApiRouter, READERS, USERS } from './DeliveryApiRouter';
import { parseFreezeWindowRequest } from './request/parseFreezeWindowRequest';

/**
 * The freeze window routes: anyone may read them (the promotion dialog says
 * why a promotion is frozen); setting and deleting one-off windows needs
 * `delivery.admin`.
 */
export function registerFreezeWindowRoutes(
  api: DeliveryApiRouter,
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    environments: Environment[];
    freezeWindows: FreezeWindowService;
  },
): void {
  const { httpAuth, permissions, freezeWindows } = options;
  const environmentNames = options.environments.map(e => e.name);

  const assertAdmin = (credentials: BackstageCredentials) =>
    assertAllowed(
      permissions,
      { permission: deliveryAdminPermission },
      credentials,
      'You may not administer freeze windows',
    );

  api.get('/freeze-windows', async (req, res) => {
    await httpAuth.credentials(req, READERS);
    res.json({ items: await freezeWindows.list(req.query.environment) });
  });

  api.post('/freeze-windows', async (req, res) => {
    const credentials = await httpAuth.credentials(req, USERS);
    await assertAdmin(credentials);
    const request = parseFreezeWindowRequest(
      req.body,
      environmentNames,
      new Date(),
    );
    res
      .status(201)
      .json(
        await freezeWindows.add(request, credentials.principal.userEntityRef),
      );
  });

  api.delete('/freeze-windows/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, USERS);
    await assertAdmin(credentials);
    await freezeWindows.delete(req.params.id);
    res.status(204).end();
  });
}
