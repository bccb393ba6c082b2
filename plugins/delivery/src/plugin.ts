import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { DeliveryClient, deliveryApiRef } from './api';
import {
  approvalsRouteRef,
  controlsRouteRef,
  entityContentRouteRef,
  entityDomainContentRouteRef,
  rootRouteRef,
} from './routes';

/**
 * The delivery frontend plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const deliveryPlugin = createPlugin({
  id: 'delivery',
  apis: [
    createApiFactory({
      api: deliveryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DeliveryClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    approvals: approvalsRouteRef,
    controls: controlsRouteRef,
    entityContent: entityContentRouteRef,
    entityDomainContent: entityDomainContentRouteRef,
  },
});

// Every view below is loaded on first use, so the plugin adds next to
// nothing to the app's initial bundle.

/**
 * The component page's Deployments tab (legacy frontend system).
 *
 * @public
 */
export const EntityDeploymentsContent = deliveryPlugin.provide(
  createRoutableExtension({
    name: 'EntityDeploymentsContent',
    component: () =>
      import('./components/entity/EntityDeploymentsContent').then(
        m => m.EntityDeploymentsContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * The Domain page's Delivery tab (legacy frontend system).
 *
 * @public
 */
export const EntityDomainDeliveryContent = deliveryPlugin.provide(
  createRoutableExtension({
    name: 'EntityDomainDeliveryContent',
    component: () =>
      import('./components/entity/EntityDomainDeliveryContent').then(
        m => m.EntityDomainDeliveryContent,
      ),
    mountPoint: entityDomainContentRouteRef,
  }),
);

/**
 * The Delivery overview page with every domain's page below it (legacy frontend system).
 *
 * @public
 */
export const DeliveryOverviewPage = deliveryPlugin.provide(
  createRoutableExtension({
    name: 'DeliveryOverviewPage',
    component: () =>
      import('./components/pages/DeliveryRouter').then(
        m => m.DeliveryPageWithHeader,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * A card for the component overview: the version in each environment (legacy frontend system).
 *
 * @public
 */
export const EntityDeliverySummaryCard = deliveryPlugin.provide(
  createComponentExtension({
    name: 'EntityDeliverySummaryCard',
    component: {
      lazy: () =>
        import('./components/entity/EntityDeliverySummaryCard').then(
          m => m.EntityDeliverySummaryCard,
        ),
    },
  }),
);

/**
 * A card for the component overview: DORA's five metrics with their tiers and trend (legacy frontend system).
 *
 * @public
 */
export const EntityDoraCard = deliveryPlugin.provide(
  createComponentExtension({
    name: 'EntityDoraCard',
    component: {
      lazy: () =>
        import('./components/entity/EntityDoraCard').then(
          m => m.EntityDoraCard,
        ),
    },
  }),
);

/**
 * A card for a Group's page: the team's DORA metrics over the entities it owns (legacy frontend system).
 *
 * @public
 */
export const GroupDoraCard = deliveryPlugin.provide(
  createComponentExtension({
    name: 'GroupDoraCard',
    component: {
      lazy: () =>
        import('./components/entity/GroupDoraCard').then(m => m.GroupDoraCard),
    },
  }),
);
