/**
 * The Domain Delivery demo as a module of the delivery backend plugin: a
 * deterministic 90-day delivery history for the catalog's delivery-enabled
 * components, and a local GitOps repository with their values files.
 *
 * @packageDocumentation
 */
export { deliveryModuleDemo as default } from './module';
