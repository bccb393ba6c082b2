import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  Environment,
  deliveryEventCreatePermission,
  normalizeEntityRef,
} from '@internal/backstage-plugin-delivery-common';
import express from 'express';
import Router from 'express-promise-router';
import { parseEventsBody } from './http/parseEventsBody';
import { registerDoraRoutes } from './routes/doraRoutes';
import { registerFreezeWindowRoutes } from './routes/freezeWindowRoutes';
import { registerIncidentRoutes } from './routes/incidentRoutes';
import {
  PromotionRouteOptions,
  registerPromotionRoutes,
} from './routes/promotionRoutes';
import { createOpenApiRouter } from './schema/openapi/generated/router';
import { DeploymentReadAccess } from './service/deployments/DeploymentReadAccess';
import { DeploymentsService } from './service/deployments/DeploymentsService';
import { DomainMatrixService } from './service/environments/DomainMatrixService';
import { DoraService } from './service/dora/DoraService';
import { EnvironmentStatusService } from './service/environments/EnvironmentStatusService';
import { FreezeWindowService } from './service/promotions/freezeWindows/FreezeWindowService';
import { IncidentsService } from './service/incidents/IncidentsService';
import { IngestionService } from './service/IngestionService';
import { RejectedEventsError } from './service/ingestion/RejectedEventsError';

/** What the delivery router needs. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  environments: Environment[];
  ingestion: IngestionService;
  deployments: DeploymentsService;
  environmentStatus: EnvironmentStatusService;
  domainMatrix: DomainMatrixService;
  dora: DoraService;
  incidents: IncidentsService;
  /** The promotion engine; without it there are no promotion and freeze window routes. */
  promotions?: PromotionRouteOptions & { freezeWindows: FreezeWindowService };
  /** The most bytes a `POST /events` body may have, e.g. `5mb`. */
  eventsBodyLimit?: string | number;
}

const READERS = { allow: ['user', 'service'] as Array<'user' | 'service'> };

/** The delivery plugin's REST API, mounted at `/api/delivery`. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, ingestion, deployments } = options;
  const { environmentStatus, domainMatrix } = options;
  const readAccess = new DeploymentReadAccess(permissions);

  // Executor options are backend configuration (repositories, instances), not
  // something to hand to every browser; callers only need the executor type.
  const environments = options.environments.map(environment => ({
    ...environment,
    executor: { type: environment.executor.type },
  }));

  const api = await createOpenApiRouter();

  api.get('/health', async (req, res) => {
    await httpAuth.credentials(req, READERS);
    res.json({ status: 'ok' });
  });

  api.get('/environments', async (req, res) => {
    await httpAuth.credentials(req, READERS);
    res.json({ items: environments });
  });

  api.post('/events', async (req, res) => {
    // Static external-access tokens arrive as service credentials too.
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    const [decision] = await permissions.authorize(
      [{ permission: deliveryEventCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not report delivery events');
    }
    const result = await ingestion.ingest(req.body);
    if (result.rejected.length > 0) {
      throw new RejectedEventsError(result);
    }
    res.json(result);
  });

  api.get('/entities/:kind/:namespace/:name/environments', async (req, res) => {
    const credentials = await httpAuth.credentials(req, READERS);
    const entityRef = normalizeEntityRef(req.params);
    await readAccess.assertCanRead(entityRef, credentials);
    res.json(await environmentStatus.getEnvironments(entityRef, credentials));
  });

  api.get('/deployments', async (req, res) => {
    const credentials = await httpAuth.credentials(req, READERS);
    const request = deployments.parseRequest(req.query);
    res.json(await deployments.list(request, credentials));
  });

  api.get('/domains/:namespace/:name/matrix', async (req, res) => {
    const credentials = await httpAuth.credentials(req, READERS);
    const domainRef = normalizeEntityRef({ kind: 'domain', ...req.params });
    res.json(
      await domainMatrix.getMatrix(domainRef, credentials, refs =>
        readAccess.readable(refs, credentials),
      ),
    );
  });

  registerDoraRoutes(api, { httpAuth, dora: options.dora });
  registerIncidentRoutes(api, { httpAuth, incidents: options.incidents });

  if (options.promotions) {
    const { freezeWindows, ...promotionRoutes } = options.promotions;
    registerPromotionRoutes(api, {
      httpAuth,
      permissions,
      readAccess,
      ...promotionRoutes,
    });
    registerFreezeWindowRoutes(api, { httpAuth, permissions, freezeWindows });
  }

  // The events body is parsed before the OpenAPI router, see parseEventsBody.
  const router = Router();
  router.post('/events', parseEventsBody(options.eventsBodyLimit));
  router.use(api);
  return router;
}
