import { HttpAuthService } from '@backstage/backend-plugin-api';
import { EventReportAccess } from '../service/access/EventReportAccess';
import { IngestionService } from '../service/ingestion/IngestionService';
import { RejectedEventsError } from '../service/ingestion/RejectedEventsError';
import { DeliveryApiRouter, REPORTERS } from './DeliveryApiRouter';
import { parseEventsRequest } from './request/parseEventsRequest';

/**
 * `POST /events`: deployment and incident events pushed by CI and incident
 * tools, for services that hold `delivery.event.create` on the events'
 * entities. Its body is parsed
 * before the OpenAPI router (see `parseEventsBody`).
 */
export function registerEventRoutes(
  api: DeliveryApiRouter,
  options: {
    httpAuth: HttpAuthService;
    reportAccess: EventReportAccess;
    ingestion: IngestionService;
  },
): void {
  const { httpAuth, reportAccess, ingestion } = options;

  api.post('/events', async (req, res) => {
    // Static external-access tokens arrive as service credentials too; users
    // (e.g. reporting an incident from a tool) are held to their policy per entity.
    const credentials = await httpAuth.credentials(req, REPORTERS);
    const reportable = await reportAccess.reportableBy(credentials);
    const result = await ingestion.ingest(parseEventsRequest(req.body), {
      reportable,
    });
    if (result.rejected.length > 0) {
      throw new RejectedEventsError(result);
    }
    res.json(result);
  });
}
