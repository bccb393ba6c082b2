import { HttpAuthService } from '@backstage/backend-plugin-api';
import { IncidentsService } from '../service/incidents/IncidentsService';
import { parseIncidentsRequest } from './request/parseIncidentsRequest';
import { DeliveryApiRouter, READERS } from './DeliveryApiRouter';

/**
 * `GET /incidents`: the incidents of a component or a domain and how many
 * there are, for users and services that may read the deployments.
 */
export function registerIncidentRoutes(
  api: DeliveryApiRouter,
  options: { httpAuth: HttpAuthService; incidents: IncidentsService },
): void {
  const { httpAuth, incidents } = options;

  api.get('/incidents', async (req, res) => {
    const credentials = await httpAuth.credentials(req, READERS);
    const request = parseIncidentsRequest(req.query);
    res.json(await incidents.list(request, credentials));
  });
}
