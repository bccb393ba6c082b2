import { Entity } from '@backstage/catalog-model';
import { HISTORY } from './history';

/**
 * The catalog the generated history belongs to: the bench domains, one
 * system per domain, and the bench entities spread over them round-robin,
 * each a delivered component (so that the portal and a domain rate each).
 */
export function benchCatalogEntities(): Entity[] {
  const owner = 'group:default/bench-team';
  const entities: Entity[] = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'bench-team' },
      spec: { type: 'team', children: [] },
    },
  ];
  for (let d = 0; d < HISTORY.domains; d++) {
    entities.push(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Domain',
        metadata: { name: `bench-domain-${d}` },
        spec: { owner },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: `bench-system-${d}` },
        spec: { owner, domain: `bench-domain-${d}` },
      },
    );
  }
  for (let e = 0; e < HISTORY.entities; e++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      // Delivered components: a roll-up spreads them over the tiers.
      metadata: {
        name: `bench-${e}`,
        annotations: { 'domain-delivery.io/service': `bench-${e}` },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner,
        system: `bench-system-${e % HISTORY.domains}`,
      },
    });
  }
  return entities;
}
