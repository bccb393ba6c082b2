import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  Environment,
  deliveryPromotionApprovePermission,
  deliveryPromotionCreatePermission,
  deliveryRollbackCreatePermission,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { NotAllowedError } from '@backstage/errors';
import { assertAllowed, isAllowed } from '../service/access/assertAllowed';
import { DeploymentReadAccess } from '../service/access/DeploymentReadAccess';
import { PromotionPreviewService } from '../service/promotions/PromotionPreviewService';
import { PromotionService } from '../service/promotions/PromotionService';
import { DeliveryApiRouter, READERS, USERS } from './DeliveryApiRouter';
import {
  parseComment,
  parsePromotionEntityRef,
  parsePromotionListQuery,
  parsePromotionRequest,
} from './request/parsePromotionRequest';

/** What the promotion routes need. */
export interface PromotionRouteOptions {
  promotions: PromotionService;
  preview: PromotionPreviewService;
}

const APPROVE = { permission: deliveryPromotionApprovePermission };

/**
 * The promotion routes: `GET /promotions`, `GET /promotions/{id}`,
 * `POST /promotions`, `POST /promotions/preview` and
 * `POST /promotions/{id}/approve|reject|cancel`. Each state change takes a
 * user's credentials and is authorized before the service is called.
 */
export function registerPromotionRoutes(
  api: DeliveryApiRouter,
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    readAccess: DeploymentReadAccess;
    environments: Environment[];
  } & PromotionRouteOptions,
): void {
  const { httpAuth, permissions, readAccess, promotions, preview } = options;
  const { environments } = options;

  const assertMayApprove = (credentials: BackstageCredentials) =>
    assertAllowed(
      permissions,
      APPROVE,
      credentials,
      'You may not approve or reject promotions',
    );

  api.get('/promotions', async (req, res) => {
    const credentials = await httpAuth.credentials(req, READERS);
    const items = await promotions.list(
      parsePromotionListQuery(
        req.query,
        environments.map(e => e.name),
      ),
      refs => readAccess.readable(refs, credentials),
      credentials,
    );
    res.json({ items });
  });

  api.post('/promotions', async (req, res) => {
    const credentials = await httpAuth.credentials(req, USERS);
    const entityRef = parsePromotionEntityRef(req.body);
    const rollback = req.body.trigger === 'rollback';
    await assertAllowed(
      permissions,
      {
        permission: rollback
          ? deliveryRollbackCreatePermission
          : deliveryPromotionCreatePermission,
        resourceRef: entityRef,
      },
      credentials,
      `You may not request ${
        rollback ? 'a rollback' : 'a promotion'
      } of ${entityRef}`,
    );
    const request = parsePromotionRequest(req.body, environments, {
      reasonRequired: true,
    });
    res.status(201).json(await promotions.request(request, credentials));
  });

  api.post('/promotions/preview', async (req, res) => {
    const credentials = await httpAuth.credentials(req, USERS);
    await readAccess.assertCanRead(
      parsePromotionEntityRef(req.body),
      credentials,
    );
    const request = parsePromotionRequest(req.body, environments, {
      reasonRequired: false,
    });
    res.json(await preview.preview(request, credentials));
  });

  api.get('/promotions/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, READERS);
    const { id } = req.params;
    await readAccess.assertCanRead(
      await promotions.entityRefOf(id),
      credentials,
    );
    res.json(await promotions.get(id));
  });

  api.post('/promotions/:id/approve', async (req, res) => {
    const credentials = await httpAuth.credentials(req, USERS);
    await assertMayApprove(credentials);
    const comment = parseComment(req.body, { required: false });
    res.json(await promotions.approve(req.params.id, comment, credentials));
  });

  api.post('/promotions/:id/reject', async (req, res) => {
    const credentials = await httpAuth.credentials(req, USERS);
    await assertMayApprove(credentials);
    const comment = parseComment(req.body, { required: true })!;
    res.json(await promotions.reject(req.params.id, comment, credentials));
  });

  api.post('/promotions/:id/cancel', async (req, res) => {
    const credentials = await httpAuth.credentials(req, USERS);
    const { id } = req.params;
    const promotion = await promotions.get(id);
    const [mayApprove, mayRequest] = await Promise.all([
      isAllowed(permissions, APPROVE, credentials),
      isAllowed(
        permissions,
        {
          permission:
            promotion.trigger === 'rollback'
              ? deliveryRollbackCreatePermission
              : deliveryPromotionCreatePermission,
          resourceRef: promotion.entityRef,
        },
        credentials,
      ),
    ]);
    if (!mayApprove && !mayRequest) {
      throw new NotAllowedError(`You may not cancel promotion ${id}`);
    }
    const comment = parseComment(req.body, { required: false });
    res.json(await promotions.cancel(id, comment, credentials, { mayApprove }));
  });
}
