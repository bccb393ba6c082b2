export { DeliveryOverview } from './DeliveryOverview';
