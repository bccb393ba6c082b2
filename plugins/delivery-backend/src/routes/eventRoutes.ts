import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { deliveryEventCreatePermission } from '@domain-delivery/backstage-plugin-delivery-common';
import { assertAllowed } from '../service/access/assertAllowed';
import { IngestionService } from '../service/ingestion/IngestionService';
import { RejectedEventsError } from '../service/ingestion/RejectedEventsError';
import { DeliveryApiRouter } from './DeliveryApiRouter';
import { parseEventsRequest } from './request/parseEventsRequest';

/**
 * `POST /events`: deployment and incident events pushed by CI and incident
 * tools, for services that hold `delivery.event.create`. Its body is parsed
 * before the OpenAPI router (see `parseEventsBody`).
 */
export function registerEventRoutes(
  api: DeliveryApiRouter,
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    ingestion: IngestionService;
  },
): void {
  const { httpAuth, permissions, ingestion } = options;

  api.post('/events', async (req, res) => {
    // Static external-access tokens arrive as service credentials too.
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    await assertAllowed(
      permissions,
      { permission: deliveryEventCreatePermission },
      credentials,
      'You may not report delivery events',
    );
    const result = await ingestion.ingest(parseEventsRequest(req.body));
    if (result.rejected.length > 0) {
      throw new RejectedEventsError(result);
    }
    res.json(result);
  });
}
