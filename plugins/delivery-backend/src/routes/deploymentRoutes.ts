import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import { DeploymentsService } from '../service/deployments/DeploymentsService';
import { DeliveryApiRouter, READERS } from './DeliveryApiRouter';
import { parseDeploymentHistoryRequest } from './request/parseDeploymentHistoryRequest';

/**
 * `GET /deployments`: a page of the deployment history, filtered, over the
 * entities whose deployments the caller may read.
 */
export function registerDeploymentRoutes(
  api: DeliveryApiRouter,
  options: {
    httpAuth: HttpAuthService;
    environments: Environment[];
    deployments: DeploymentsService;
  },
): void {
  const { httpAuth, deployments } = options;
  const environmentNames = new Set(options.environments.map(e => e.name));

  api.get('/deployments', async (req, res) => {
    const credentials = await httpAuth.credentials(req, READERS);
    const request = parseDeploymentHistoryRequest(req.query, environmentNames);
    res.json(await deployments.list(request, credentials));
  });
}
