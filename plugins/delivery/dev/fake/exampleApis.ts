import { Entity } from '@backstage/catalog-model';
import { InMemoryDeliveryApi } from './InMemoryDeliveryApi';
import {
  exampleComponents,
  exampleDeployments,
  exampleEnvironments,
} from './exampleHistory';

/** The example components and their domains as catalog entities. */
export function exampleCatalogEntities(): Entity[] {
  const domains = [...new Set(exampleComponents.map(c => c.domain))];
  return [
    ...domains.map(
      (ref): Entity => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Domain',
        metadata: {
          namespace: 'default',
          name: ref.split('/')[1],
          title: ref
            .split('/')[1]
            .split('-')
            .map(word => word[0].toLocaleUpperCase('en-US') + word.slice(1))
            .join(' '),
        },
        spec: { owner: `group:default/team-${ref.split('/')[1]}` },
      }),
    ),
    ...exampleComponents.map(
      (component): Entity => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          namespace: 'default',
          name: component.entityRef.split('/')[1],
          title: component.title,
          annotations: {
            'domain-delivery.io/service': component.entityRef.split('/')[1],
          },
        },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: `group:default/team-${component.domain.split('/')[1]}`,
          system: component.system.split('/')[1],
        },
      }),
    ),
  ];
}

/** An in-memory delivery API over two weeks of example history ending now. */
export function exampleDeliveryApi(now = new Date()): InMemoryDeliveryApi {
  return new InMemoryDeliveryApi({
    environments: exampleEnvironments,
    deployments: exampleDeployments(now),
    components: exampleComponents,
  });
}
