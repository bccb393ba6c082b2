import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { DeliveryHowTo } from './DeliveryHowTo';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'timetable-service' },
  spec: { type: 'service', owner: 'team-journey', lifecycle: 'production' },
};

describe('DeliveryHowTo', () => {
  it('names the annotation to add and how to send events', async () => {
    await renderInTestApp(<DeliveryHowTo entity={entity} />);

    expect(
      screen.getByText('Delivery is not set up for this component'),
    ).toBeInTheDocument();
    expect(document.body).toHaveTextContent(
      'domain-delivery.io/service: timetable-service',
    );
    expect(document.body).toHaveTextContent(
      '"entityRef": "component:default/timetable-service"',
    );
  });

  it('only explains the events when the annotation is there', async () => {
    await renderInTestApp(<DeliveryHowTo entity={entity} missing="events" />);

    expect(screen.getByText('No deployment reported yet')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('domain-delivery.io/service:');
    expect(document.body).toHaveTextContent('/api/delivery/events');
  });
});
