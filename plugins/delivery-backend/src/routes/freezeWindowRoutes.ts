import {
  AuditorService,
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
import { audited } from './audited';
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
    auditor: AuditorService;
    environments: Environment[];
    freezeWindows: FreezeWindowService;
  },
): void {
  const { httpAuth, permissions, auditor, freezeWindows } = options;
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
    const entry = await audited(
      auditor,
      { eventId: 'freeze-window-create', request: req, meta: { ...request } },
      () => freezeWindows.add(request, credentials.principal.userEntityRef),
      added => ({ freezeWindowId: added.id ?? null }),
    );
    res.status(201).json(entry);
  });

  api.delete('/freeze-windows/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, USERS);
    await assertAdmin(credentials);
    await audited(
      auditor,
      {
        eventId: 'freeze-window-delete',
        request: req,
        meta: { freezeWindowId: req.params.id },
      },
      () => freezeWindows.delete(req.params.id),
    );
    res.status(204).end();
  });
}
