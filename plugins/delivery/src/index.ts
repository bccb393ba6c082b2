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
export { isDeliveryAvailable } from './isDeliveryAvailable';
export type { EntityDeliverySummaryCardProps } from './components/entity/EntityDeliverySummaryCard';
export type { EntityDeploymentsContentProps } from './components/entity/EntityDeploymentsContent';
export type { EntityDoraCardProps } from './components/entity/EntityDoraCard';
export type { GroupDoraCardProps } from './components/entity/GroupDoraCard';
export type { DoraWindowDays } from './dora/doraWindow';
export * from './api';
export {
  approvalsRouteRef,
  controlsRouteRef,
  domainRouteRef,
  rootRouteRef,
} from './routes';
