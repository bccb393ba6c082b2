export { deliveryApiRef } from './DeliveryApi';
export type {
  DeliveryApi,
  DeploymentQuery,
  DoraTier,
  DoraTiers,
} from './DeliveryApi';
export { DeliveryClient } from './DeliveryClient';
