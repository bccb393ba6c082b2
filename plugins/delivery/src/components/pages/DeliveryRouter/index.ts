export { DeliveryPageWithHeader, DeliveryRouter } from './DeliveryRouter';
