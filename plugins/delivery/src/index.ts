/**
 * Domain Delivery frontend: where each version runs, what waits to be promoted, and how well a
 * team delivers. This entry point serves the legacy frontend system; `./alpha` the new one.
 *
 * @packageDocumentation
 */
export {
  deliveryPlugin,
  DeliveryOverviewPage,
  EntityDeliverySummaryCard,
  EntityDeploymentsContent,
  EntityDomainDeliveryContent,
  EntityDoraCard,
  GroupDoraCard,
} from './plugin';
export * from './api';
export { approvalsRouteRef, domainRouteRef, rootRouteRef } from './routes';
