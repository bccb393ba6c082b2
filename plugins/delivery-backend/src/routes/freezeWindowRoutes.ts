import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { deliveryAdminPermission } from '@internal/backstage-plugin-delivery-common';
import { FreezeWindowService } from '../service/promotions/freezeWindows/FreezeWindowService';
import { DeliveryApiRouter } from './promotionRoutes';

const USERS = { allow: ['user'] as Array<'user'> };
const READERS = { allow: ['user', 'service'] as Array<'user' | 'service'> };

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
    freezeWindows: FreezeWindowService;
  },
): void {
  const { httpAuth, permissions, freezeWindows } = options;

  const assertAdmin = async (credentials: BackstageCredentials) => {
    const [decision] = await permissions.authorize(
      [{ permission: deliveryAdminPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not administer freeze windows');
    }
  };

  api.get('/freeze-windows', async (req, res) => {
    await httpAuth.credentials(req, READERS);
    res.json({ items: await freezeWindows.list(req.query.environment) });
  });

  api.post('/freeze-windows', async (req, res) => {
    const credentials = await httpAuth.credentials(req, USERS);
    await assertAdmin(credentials);
    res
      .status(201)
      .json(
        await freezeWindows.add(req.body, credentials.principal.userEntityRef),
      );
  });

  api.delete('/freeze-windows/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, USERS);
    await assertAdmin(credentials);
    await freezeWindows.delete(req.params.id);
    res.status(204).end();
  });
}
