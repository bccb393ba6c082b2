import { Entity } from '@backstage/catalog-model';
import { isDeliveryAvailable } from './isDeliveryAvailable';

const component = (annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', annotations },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
});

describe('isDeliveryAvailable', () => {
  it('applies to an entity that names its delivered service', () => {
    expect(
      isDeliveryAvailable(
        component({ 'domain-delivery.io/service': 'payments-api' }),
      ),
    ).toBe(true);
  });

  it('does not apply without the annotation or with an empty one', () => {
    expect(isDeliveryAvailable(component())).toBe(false);
    expect(
      isDeliveryAvailable(component({ 'domain-delivery.io/service': ' ' })),
    ).toBe(false);
  });
});
