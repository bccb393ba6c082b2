import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import express from 'express';
import Router from 'express-promise-router';
import { parseEventsBody } from './routes/request/parseEventsBody';
import { registerDeploymentRoutes } from './routes/deploymentRoutes';
import { registerDoraRoutes } from './routes/doraRoutes';
import { registerEnvironmentRoutes } from './routes/environmentRoutes';
import { registerEventRoutes } from './routes/eventRoutes';
import { refuseUnstorableText } from './routes/request/refuseUnstorableText';
import { registerFreezeWindowRoutes } from './routes/freezeWindowRoutes';
import { registerHealthRoutes } from './routes/healthRoutes';
import { registerIncidentRoutes } from './routes/incidentRoutes';
import { registerPipelineRoutes } from './routes/pipelineRoutes';
import {
  PromotionRouteOptions,
  registerPromotionRoutes,
} from './routes/promotionRoutes';
import { createOpenApiRouter } from './schema/openapi/generated/router';
import { oneDataVersionPerRequest } from './service/answers/RememberedAnswers';
import { DeploymentReadAccess } from './service/access/DeploymentReadAccess';
import { EventReportAccess } from './service/access/EventReportAccess';
import { DeploymentsService } from './service/deployments/DeploymentsService';
import { DoraService } from './service/dora/DoraService';
import { DomainMatrixService } from './service/environments/DomainMatrixService';
import { EnvironmentStatusService } from './service/environments/EnvironmentStatusService';
import { IncidentsService } from './service/incidents/IncidentsService';
import { IngestionService } from './service/ingestion/IngestionService';
import { PipelineHealthService } from './service/pipelines/PipelineHealthService';
import { FreezeWindowService } from './service/promotions/freezeWindows/FreezeWindowService';
import { HaltService } from './service/promotions/halts/HaltService';
import { registerHaltRoutes } from './routes/haltRoutes';

/** What the delivery router needs. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** Who may read which entity's deployments; asks `permissions` each time when left out. */
  readAccess?: DeploymentReadAccess;
  environments: Environment[];
  ingestion: IngestionService;
  deployments: DeploymentsService;
  environmentStatus: EnvironmentStatusService;
  domainMatrix: DomainMatrixService;
  dora: DoraService;
  incidents: IncidentsService;
  pipelineHealth: PipelineHealthService;
  /** The promotion engine; without it there are no promotion and freeze window routes. */
  promotions?: PromotionRouteOptions & {
    freezeWindows: FreezeWindowService;
    halts: HaltService;
  };
  /** Backstage's audit trail, for the administrative changes. */
  auditor: AuditorService;
  /** The most bytes a `POST /events` body may have, e.g. `5mb`. */
  eventsBodyLimit?: string | number;
}

/** The delivery plugin's REST API, mounted at `/api/delivery`: each route group in `routes/`. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, environments } = options;
  const readAccess =
    options.readAccess ?? new DeploymentReadAccess(permissions);
  // The spec says which routes need a token; checking it is httpAuth's job in
  // each handler, which answers a missing or bad token with 401, where the
  // schema validator would answer 400.
  const api = await createOpenApiRouter({
    validatorOptions: { validateSecurity: false },
  });
  api.use(refuseUnstorableText);
  api.use(oneDataVersionPerRequest);

  registerHealthRoutes(api);
  registerEnvironmentRoutes(api, { ...options, readAccess });
  registerEventRoutes(api, {
    ...options,
    reportAccess: new EventReportAccess(permissions),
  });
  registerDeploymentRoutes(api, options);
  registerDoraRoutes(api, options);
  registerIncidentRoutes(api, options);
  registerPipelineRoutes(api, options);
  if (options.promotions) {
    const { freezeWindows, halts, ...promotionRoutes } = options.promotions;
    registerPromotionRoutes(api, {
      httpAuth,
      permissions,
      readAccess,
      environments,
      ...promotionRoutes,
    });
    registerFreezeWindowRoutes(api, {
      httpAuth,
      permissions,
      auditor: options.auditor,
      environments,
      freezeWindows,
    });
    registerHaltRoutes(api, {
      httpAuth,
      permissions,
      auditor: options.auditor,
      halts,
    });
  }

  // The events body is parsed before the OpenAPI router, see parseEventsBody.
  const router = Router();
  router.post('/events', parseEventsBody(options.eventsBodyLimit));
  router.use(api);
  return router;
}
