import { Entity } from '@backstage/catalog-model';

/**
 * A service component carrying the delivery annotation and its domain, both
 * owned by `team-<domain>`, for the tests of the plugin's exports.
 */
export function serviceWithDomain(options: {
  service: string;
  domain: string;
  domainTitle: string;
}): { component: Entity; domain: Entity } {
  const owner = `team-${options.domain}`;
  return {
    component: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: options.service,
        annotations: { 'domain-delivery.io/service': options.service },
      },
      spec: { type: 'service', owner, lifecycle: 'production' },
    },
    domain: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: { name: options.domain, title: options.domainTitle },
      spec: { owner },
    },
  };
}
