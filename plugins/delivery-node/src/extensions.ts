import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { PromotionExecutor } from './executors';

/**
 * Lets backend modules add promotion executors to the delivery plugin.
 *
 * @public
 */
export interface DeliveryExecutorsExtensionPoint {
  /** Adds executors; each `type` may be added only once per backend. */
  addExecutor(...executors: PromotionExecutor[]): void;
}

/**
 * The extension point through which modules add {@link PromotionExecutor}s.
 *
 * @public
 */
export const deliveryExecutorsExtensionPoint =
  createExtensionPoint<DeliveryExecutorsExtensionPoint>({
    id: 'delivery.executors',
  });
