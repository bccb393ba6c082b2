import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { z } from 'zod';
import { isDeliveryAvailable } from '../isDeliveryAvailable';
import { entityContentRouteRef, entityDomainContentRouteRef } from '../routes';

/**
 * The component page's Deployments tab, on entities that carry the delivery
 * annotation. Besides the blueprint's `title`, `path` and `filter`, an app
 * can set `environments`: the names of the environments it shows (default:
 * every environment that applies).
 *
 * @alpha
 */
export const entityDeploymentsContent =
  EntityContentBlueprint.makeWithOverrides({
    name: 'deployments',
    configSchema: {
      environments: z.array(z.string()).optional(),
    },
    factory(originalFactory, { config }) {
      return originalFactory({
        path: 'deployments',
        title: 'Deployments',
        filter: isDeliveryAvailable,
        routeRef: entityContentRouteRef,
        loader: () =>
          import('../components/entity/EntityDeploymentsContent').then(m => (
            <m.EntityDeploymentsContent environments={config.environments} />
          )),
      });
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
    filter: { kind: 'domain' },
    routeRef: entityDomainContentRouteRef,
    loader: () =>
      import('../components/entity/EntityDomainDeliveryContent').then(m => (
        <m.EntityDomainDeliveryContent />
      )),
  },
});
