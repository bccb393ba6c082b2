/**
 * Domain Delivery frontend for apps on the new frontend system.
 *
 * @packageDocumentation
 */
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import LocalShippingIcon from '@material-ui/icons/LocalShipping';
import { DeliveryClient, deliveryApiRef } from './api';
import {
  entityDeliverySummaryCard,
  entityDoraCard,
  groupDoraCard,
} from './alpha/entityCards';
import {
  entityDeploymentsContent,
  entityDomainDeliveryContent,
} from './alpha/entityContents';
import {
  approvalsRouteRef,
  controlsRouteRef,
  domainRouteRef,
  entityContentRouteRef,
  entityDomainContentRouteRef,
  rootRouteRef,
} from './routes';

export {
  entityDeliverySummaryCard,
  entityDoraCard,
  entityDeploymentsContent,
  entityDomainDeliveryContent,
  groupDoraCard,
};

// Every view is behind a loader, so the plugin adds next to nothing to the
// app's initial bundle; the components load on first use.

/**
 * The delivery API, backed by the delivery backend.
 *
 * @alpha
 */
export const deliveryApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: deliveryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DeliveryClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The Delivery page at `/delivery`: every domain's health and the newest
 * deployments, with each domain's page below it. Its title and icon make the
 * sidebar's "Delivery" item.
 *
 * @alpha
 */
export const deliveryPage = PageBlueprint.make({
  params: {
    path: '/delivery',
    title: 'Delivery',
    icon: <LocalShippingIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/pages/DeliveryRouter').then(m => (
        <m.DeliveryRouter />
      )),
  },
});

/**
 * The delivery frontend plugin for apps on the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'delivery',
  title: 'Delivery',
  icon: <LocalShippingIcon fontSize="inherit" />,
  routes: {
    root: rootRouteRef,
    domain: domainRouteRef,
    approvals: approvalsRouteRef,
    controls: controlsRouteRef,
    entityContent: entityContentRouteRef,
    entityDomainContent: entityDomainContentRouteRef,
  },
  extensions: [
    deliveryApi,
    entityDeploymentsContent,
    entityDomainDeliveryContent,
    entityDeliverySummaryCard,
    entityDoraCard,
    groupDoraCard,
    deliveryPage,
  ],
});

export type { DoraWindowDays } from './dora/doraWindow';
