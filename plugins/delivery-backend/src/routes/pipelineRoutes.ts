import { HttpAuthService } from '@backstage/backend-plugin-api';
import { PipelineHealthService } from '../service/pipelines/PipelineHealthService';
import { parsePipelineHealthRequest } from './request/parsePipelineHealthRequest';
import { DeliveryApiRouter, READERS } from './DeliveryApiRouter';

/**
 * `GET /pipelines/health`: CI health of a component, a domain, a group or
 * the portal, for users and services that may read the deployments.
 */
export function registerPipelineRoutes(
  api: DeliveryApiRouter,
  options: { httpAuth: HttpAuthService; pipelineHealth: PipelineHealthService },
): void {
  const { httpAuth, pipelineHealth } = options;

  api.get('/pipelines/health', async (req, res) => {
    const credentials = await httpAuth.credentials(req, READERS);
    const request = parsePipelineHealthRequest(req.query);
    res.json(await pipelineHealth.health(request, credentials));
  });
}
