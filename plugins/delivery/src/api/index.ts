export { deliveryApiRef } from './DeliveryApi';
export type {
  DeliveryApi,
  DeploymentQuery,
  DoraQuery,
  PromotionQuery,
} from './DeliveryApi';
export { DeliveryClient } from './DeliveryClient';
