import { Entity } from '@backstage/catalog-model';
import { threeEnvironments } from './builders';
import { stubDeliveryApi } from './deliveryApiStub';
import { doraAnswer } from './doraAnswer';
import { JOURNEY, journeyMatrices } from './journeyPortal';
import { paymentsEnvironments } from './paymentsFixture';
import { aPreview } from './promotionFixtures';

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

/**
 * A delivery API for the tests of the plugin's exports, answering for
 * whichever entity is shown: payments-api's environments, journey's matrix
 * and DORA numbers, previews that no rule refuses.
 */
export function pluginTestApi() {
  return stubDeliveryApi({
    getEnvironments: async () => threeEnvironments,
    getEntityEnvironments: async entityRef => paymentsEnvironments(entityRef),
    getDomainMatrix: async domainRef => ({
      ...journeyMatrices[JOURNEY],
      domainRef,
    }),
    getDora: async query => doraAnswer(query, { deployments: 1 }),
    previewPromotion: async request => aPreview(request, '1.4.1'),
  });
}
