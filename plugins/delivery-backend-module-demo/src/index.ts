/**
 * The Domain Delivery demo: as a module of the delivery backend plugin, a
 * deterministic 90-day delivery history for the catalog's delivery-enabled
 * components and a local GitOps repository with their values files; as a
 * module of the scaffolder, the action that publishes the golden path's
 * repositories locally.
 *
 * @packageDocumentation
 */
export { deliveryModuleDemo as default } from './module';
export { scaffolderModuleDeliveryDemo } from './scaffolder/module';
