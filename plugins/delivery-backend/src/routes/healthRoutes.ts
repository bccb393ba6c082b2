import { DeliveryApiRouter } from './DeliveryApiRouter';

/**
 * `GET /health`: whether the delivery backend answers, for a liveness probe,
 * which carries no credentials (the plugin allows it unauthenticated).
 */
export function registerHealthRoutes(api: DeliveryApiRouter): void {
  api.get('/health', async (_req, res) => {
    res.json({ status: 'ok' });
  });
}
