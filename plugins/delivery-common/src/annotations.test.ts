import { Entity } from '@backstage/catalog-model';
import {
  getArgoCdApplicationName,
  getDeliveryEnvironmentNames,
  getDeliveryGitOpsPath,
  getDeliveryServiceName,
  isDeliveryEnabled,
} from './annotations';

function component(annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'parking-api', annotations },
    spec: { type: 'service', owner: 'group:default/smart-city' },
  };
}

describe('annotations', () => {
  it('considers an entity delivered only when it names its service', () => {
    expect(
      isDeliveryEnabled(
        component({ 'domain-delivery.io/service': 'parking-api' }),
      ),
    ).toBe(true);
    expect(isDeliveryEnabled(component())).toBe(false);
    expect(
      isDeliveryEnabled(component({ 'domain-delivery.io/service': '  ' })),
    ).toBe(false);
    expect(
      isDeliveryEnabled(
        component({ 'domain-delivery.io/gitops-path': 'apps/parking-api' }),
      ),
    ).toBe(false);
  });

  it('reads the service name and the GitOps folder', () => {
    const entity = component({
      'domain-delivery.io/service': ' parking-api ',
      'domain-delivery.io/gitops-path': '/apps/smart-city/parking-api/',
    });
    expect(getDeliveryServiceName(entity)).toBe('parking-api');
    expect(getDeliveryGitOpsPath(entity)).toBe('apps/smart-city/parking-api');
    expect(getDeliveryServiceName(component())).toBeUndefined();
    expect(getDeliveryGitOpsPath(component())).toBeUndefined();
  });

  it('reads the environment subset, ignoring blanks and repeats', () => {
    expect(
      getDeliveryEnvironmentNames(
        component({ 'domain-delivery.io/environments': 'dev, prod,,dev ' }),
      ),
    ).toEqual(['dev', 'prod']);
    expect(getDeliveryEnvironmentNames(component())).toBeUndefined();
    expect(
      getDeliveryEnvironmentNames(
        component({ 'domain-delivery.io/environments': ' , ' }),
      ),
    ).toBeUndefined();
  });

  it('renders the Argo CD application name for an environment', () => {
    const entity = component({
      'domain-delivery.io/argocd-app': 'smart-city-parking-api-{environment}',
    });
    expect(getArgoCdApplicationName(entity, 'prod')).toBe(
      'smart-city-parking-api-prod',
    );
    expect(getArgoCdApplicationName(component(), 'prod')).toBeUndefined();
  });
});
