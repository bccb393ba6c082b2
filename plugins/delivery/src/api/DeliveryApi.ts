import { createApiRef } from '@backstage/core-plugin-api';
import { Environment } from '@internal/backstage-plugin-delivery-common';

/** What the delivery views read from the delivery backend. */
export interface DeliveryApi {
  /** The configured environments, in promotion order. */
  getEnvironments(): Promise<Environment[]>;
}

/** The delivery API reference, shared by the legacy and the new frontend system. */
export const deliveryApiRef = createApiRef<DeliveryApi>({
  id: 'plugin.delivery.api',
});
