import { HttpAuthService } from '@backstage/backend-plugin-api';
import { DoraService } from '../service/dora/DoraService';
import { parseDoraRequest } from './request/parseDoraRequest';
import { DeliveryApiRouter, READERS } from './DeliveryApiRouter';

/**
 * `GET /dora`: DORA's numbers of a component, a domain, a group or the whole
 * portal, for users and services that may read the deployments.
 */
export function registerDoraRoutes(
  api: DeliveryApiRouter,
  options: { httpAuth: HttpAuthService; dora: DoraService },
): void {
  const { httpAuth, dora } = options;

  api.get('/dora', async (req, res) => {
    const credentials = await httpAuth.credentials(req, READERS);
    const request = parseDoraRequest(req.query);
    res.json(await dora.getMetrics(request, credentials));
  });
}
