export { deliveryApiRef } from './DeliveryApi';
export type {
  DeliveryApi,
  DeploymentQuery,
  DoraTier,
  DoraTiers,
  PromotionQuery,
} from './DeliveryApi';
export { DeliveryClient } from './DeliveryClient';
