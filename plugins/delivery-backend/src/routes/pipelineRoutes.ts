import { HttpAuthService } from '@backstage/backend-plugin-api';
import { PipelineHealthService } from '../service/pipelines/PipelineHealthService';
import { DEFAULT_PIPELINE_RUN_LIMIT } from '../service/pipelines/PipelineHealthService';
import { parseEntityScope } from './request/parseEntityScope';
import { parsePipelineHealthRequest } from './request/parsePipelineHealthRequest';
import { DeliveryApiRouter, READERS } from './DeliveryApiRouter';

/**
 * `GET /pipelines/runs` and `GET /pipelines/health`: the runs of a component
 * or a domain, and CI health of a component, a domain, a group or the
 * portal, for users and services that may read the deployments.
 */
export function registerPipelineRoutes(
  api: DeliveryApiRouter,
  options: { httpAuth: HttpAuthService; pipelineHealth: PipelineHealthService },
): void {
  const { httpAuth, pipelineHealth } = options;

  api.get('/pipelines/runs', async (req, res) => {
    const credentials = await httpAuth.credentials(req, READERS);
    const scope = parseEntityScope(req.query.entityRef, [
      'component',
      'domain',
    ]);
    const limit = req.query.limit ?? DEFAULT_PIPELINE_RUN_LIMIT;
    res.json(await pipelineHealth.runs({ scope, limit }, credentials));
  });

  api.get('/pipelines/health', async (req, res) => {
    const credentials = await httpAuth.credentials(req, READERS);
    const request = parsePipelineHealthRequest(req.query);
    res.json(await pipelineHealth.health(request, credentials));
  });
}
