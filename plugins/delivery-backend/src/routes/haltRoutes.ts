import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { deliveryAdminPermission } from '@domain-delivery/backstage-plugin-delivery-common';
import { assertAllowed } from '../service/access/assertAllowed';
import { HaltService } from '../service/promotions/halts/HaltService';
import { audited } from './audited';
import { DeliveryApiRouter, READERS, USERS } from './DeliveryApiRouter';
import { parseHaltRequest } from './request/parseHaltRequest';

/**
 * The halt routes: anyone may read them (Promote buttons and banners say why
 * nothing moves); halting and lifting need `delivery.admin` and are audited.
 */
export function registerHaltRoutes(
  api: DeliveryApiRouter,
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    auditor: AuditorService;
    halts: HaltService;
  },
): void {
  const { httpAuth, permissions, auditor, halts } = options;
  const refusal = 'You may not halt or lift promotions';

  api.get('/halts', async (req, res) => {
    await httpAuth.credentials(req, READERS);
    res.json({ items: await halts.list() });
  });

  api.post('/halts', async (req, res) => {
    const credentials = await httpAuth.credentials(req, USERS);
    await assertAllowed(
      permissions,
      { permission: deliveryAdminPermission },
      credentials,
      refusal,
    );
    const request = parseHaltRequest(req.body);
    const halt = await audited(
      auditor,
      { eventId: 'halt-create', request: req, meta: { ...request } },
      () => halts.halt(request, credentials),
      created => ({ haltId: created.id }),
    );
    res.status(201).json(halt);
  });

  api.delete('/halts/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, USERS);
    await assertAllowed(
      permissions,
      { permission: deliveryAdminPermission },
      credentials,
      refusal,
    );
    await audited(
      auditor,
      { eventId: 'halt-lift', request: req, meta: { haltId: req.params.id } },
      () => halts.lift(req.params.id, credentials.principal.userEntityRef),
      lifted => ({ scope: lifted.scope }),
    );
    res.status(204).end();
  });
}
