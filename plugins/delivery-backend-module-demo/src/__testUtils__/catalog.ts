import { Entity } from '@backstage/catalog-model';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';

/** An environment as the delivery plugin configures it. */
export function environment(
  name: string,
  production: boolean,
  promotedFrom?: string,
): Environment {
  return {
    name,
    title: name,
    production,
    promotion: {
      promotedFrom,
      requiredApprovals: production ? 1 : 0,
      approvers: ['owner'],
      allowSelfApproval: false,
      minimumSoakSeconds: 0,
    },
    freezeWindows: [],
    executor: { type: 'gitops-local' },
  };
}

/** dev → staging → prod: the delivery plugin's default, and the demo's. */
export const ENVIRONMENTS = [
  environment('dev', false),
  environment('staging', false, 'dev'),
  environment('prod', true, 'staging'),
];

/** A component of the test catalog with these annotations. */
export function component(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:team' },
  };
}

/** A component of the smart-city domain, with its GitOps path. */
export function smartCityComponent(name: string): Entity {
  return component(name, {
    'domain-delivery.io/service': name,
    'domain-delivery.io/gitops-path': `apps/smart-city/${name}`,
  });
}
