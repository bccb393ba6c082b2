import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import LocalShippingIcon from '@material-ui/icons/LocalShipping';
import { DeliveryClient, deliveryApiRef } from './api';
import {
  approvalsRouteRef,
  domainRouteRef,
  entityContentRouteRef,
  entityDomainContentRouteRef,
  rootRouteRef,
} from './routes';

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
 * The component page's Deployments tab.
 *
 * @alpha
 */
export const entityDeploymentsContent = EntityContentBlueprint.make({
  name: 'deployments',
  params: {
    path: 'deployments',
    title: 'Deployments',
    filter: 'kind:component',
    routeRef: entityContentRouteRef,
    loader: () =>
      import('./components/entity/EntityDeploymentsContent').then(m => (
        <m.EntityDeploymentsContent />
      )),
  },
});

/**
 * The Domain page's Delivery tab: the component × environment matrix and recent deployments.
 *
 * @alpha
 */
export const entityDomainDeliveryContent = EntityContentBlueprint.make({
  name: 'domain',
  params: {
    path: 'delivery',
    title: 'Delivery',
    filter: 'kind:domain',
    routeRef: entityDomainContentRouteRef,
    loader: () =>
      import('./components/entity/EntityDomainDeliveryContent').then(m => (
        <m.EntityDomainDeliveryContent />
      )),
  },
});

/**
 * A card on the component overview: the version in each environment, drift marked.
 *
 * @alpha
 */
export const entityDeliverySummaryCard = EntityCardBlueprint.make({
  name: 'summary',
  params: {
    filter: 'kind:component',
    loader: () =>
      import('./components/entity/EntityDeliverySummaryCard').then(m => (
        <m.EntityDeliverySummaryCard />
      )),
  },
});

/**
 * A card on the component overview: DORA's five metrics with their tiers and trend.
 *
 * @alpha
 */
export const entityDoraCard = EntityCardBlueprint.make({
  name: 'dora',
  params: {
    filter: 'kind:component',
    loader: () =>
      import('./components/entity/EntityDoraCard').then(m => (
        <m.EntityDoraCard />
      )),
  },
});

/**
 * A card on a Group's page: the team's DORA metrics over the entities it owns.
 *
 * @alpha
 */
export const groupDoraCard = EntityCardBlueprint.make({
  name: 'group-dora',
  params: {
    filter: 'kind:group',
    loader: () =>
      import('./components/entity/GroupDoraCard').then(m => (
        <m.GroupDoraCard />
      )),
  },
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
