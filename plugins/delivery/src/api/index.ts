export { deliveryApiRef } from './DeliveryApi';
export type {
  DeliveryApi,
  DeploymentQuery,
  DoraQuery,
  DoraTier,
  DoraTiers,
  PromotionQuery,
} from './DeliveryApi';
export { DeliveryClient } from './DeliveryClient';
