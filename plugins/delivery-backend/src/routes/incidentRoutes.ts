import { HttpAuthService } from '@backstage/backend-plugin-api';
import { IncidentsService } from '../service/incidents/IncidentsService';
import type { DeliveryApiRouter } from './promotionRoutes';

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
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const request = incidents.parseRequest(req.query);
    res.json(await incidents.list(request, credentials));
  });
}
