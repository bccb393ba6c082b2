import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  deliveryPromotionApprovePermission,
  deliveryPromotionCreatePermission,
  deliveryRollbackCreatePermission,
  normalizeEntityRef,
} from '@internal/backstage-plugin-delivery-common';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi/generated/router';
import { DeploymentReadAccess } from '../service/deployments/DeploymentReadAccess';
import { PromotionPreviewService } from '../service/promotions/PromotionPreviewService';
import { PromotionService } from '../service/promotions/PromotionService';
import { parseComment } from './request/parsePromotionRequest';

/** The delivery API's typed router. */
export type DeliveryApiRouter = ApiRouter<typeof spec>;

/** What the promotion routes need. */
export interface PromotionRouteOptions {
  promotions: PromotionService;
  preview: PromotionPreviewService;
}

const USERS = { allow: ['user'] as Array<'user'> };
const READERS = { allow: ['user', 'service'] as Array<'user' | 'service'> };

function entityRefOf(body: unknown): string {
  const value = (body as { entityRef?: unknown })?.entityRef;
  try {
    return normalizeEntityRef(String(value));
  } catch {
    throw new InputError(
      `entityRef '${String(
        value,
      )}' must be an entity ref such as 'component:default/payments-api'`,
    );
  }
}

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
  } & PromotionRouteOptions,
): void {
  const { httpAuth, permissions, readAccess, promotions, preview } = options;

  const isAllowed = async (
    request: Parameters<PermissionsService['authorize']>[0][number],
    credentials: BackstageCredentials,
  ) => {
    const [decision] = await permissions.authorize([request], { credentials });
    return decision.result === AuthorizeResult.ALLOW;
  };

  const assertMayApprove = async (credentials: BackstageCredentials) => {
    if (
      !(await isAllowed(
        { permission: deliveryPromotionApprovePermission },
        credentials,
      ))
    ) {
      throw new NotAllowedError('You may not approve or reject promotions');
    }
  };

  api.get('/promotions', async (req, res) => {
    const credentials = await httpAuth.credentials(req, READERS);
    const { state, entityRef, domain, environment, limit } = req.query;
    const items = await promotions.list(
      { state, entityRef, domain, environment, limit },
      refs => readAccess.readable(refs, credentials),
      credentials,
    );
    res.json({ items });
  });

  api.post('/promotions', async (req, res) => {
    const credentials = await httpAuth.credentials(req, USERS);
    const entityRef = entityRefOf(req.body);
    const rollback = req.body.trigger === 'rollback';
    const allowed = await isAllowed(
      {
        permission: rollback
          ? deliveryRollbackCreatePermission
          : deliveryPromotionCreatePermission,
        resourceRef: entityRef,
      },
      credentials,
    );
    if (!allowed) {
      throw new NotAllowedError(
        `You may not request ${
          rollback ? 'a rollback' : 'a promotion'
        } of ${entityRef}`,
      );
    }
    res.status(201).json(await promotions.request(req.body, credentials));
  });

  api.post('/promotions/preview', async (req, res) => {
    const credentials = await httpAuth.credentials(req, USERS);
    await readAccess.assertCanRead(entityRefOf(req.body), credentials);
    res.json(await preview.preview(req.body, credentials));
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
      isAllowed(
        { permission: deliveryPromotionApprovePermission },
        credentials,
      ),
      isAllowed(
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
