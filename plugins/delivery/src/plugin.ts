import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { DeliveryClient, deliveryApiRef } from './api';
import { entityContentRouteRef } from './routes';

/** The delivery frontend plugin for apps on the legacy frontend system. */
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
    entityContent: entityContentRouteRef,
  },
});

/** The component page's delivery tab (legacy frontend system). */
export const EntityDeliveryContent = deliveryPlugin.provide(
  createRoutableExtension({
    name: 'EntityDeliveryContent',
    component: () =>
      import('./components/EntityDeliveryContent').then(
        m => m.EntityDeliveryContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);
