export { DeliveryHowTo } from './DeliveryHowTo';
