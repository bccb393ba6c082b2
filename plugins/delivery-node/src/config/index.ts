export * from './defaultDeliveryEnvironments';
export { readDeliveryEnvironments } from './readDeliveryEnvironments';
