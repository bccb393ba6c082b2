import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { DeliveryClient, deliveryApiRef } from './api';

/** The delivery API, backed by the delivery backend. */
export const deliveryApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: deliveryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DeliveryClient({ discoveryApi, fetchApi }),
    }),
});

/** The component page's delivery tab. */
export const entityDeliveryContent = EntityContentBlueprint.make({
  params: {
    path: 'delivery',
    title: 'Delivery',
    filter: 'kind:component',
    loader: () =>
      import('./components/EntityDeliveryContent').then(m => (
        <m.EntityDeliveryContent />
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
  extensions: [deliveryApi, entityDeliveryContent],
});
