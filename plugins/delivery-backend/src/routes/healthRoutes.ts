import { HttpAuthService } from '@backstage/backend-plugin-api';
import { DeliveryApiRouter, READERS } from './DeliveryApiRouter';

/** `GET /health`: whether the delivery backend answers. */
export function registerHealthRoutes(
  api: DeliveryApiRouter,
  options: { httpAuth: HttpAuthService },
): void {
  const { httpAuth } = options;

  api.get('/health', async (req, res) => {
    await httpAuth.credentials(req, READERS);
    res.json({ status: 'ok' });
  });
}
