import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { deliveryApiRef } from './api';
import { EntityDeliveryContent, deliveryPlugin } from './plugin';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'bike-share-service' },
  spec: { type: 'service', owner: 'team-smart-city', lifecycle: 'production' },
};

describe('legacy frontend system exports', () => {
  it('identifies as the delivery plugin', () => {
    expect(deliveryPlugin.getId()).toBe('delivery');
  });

  it('renders the delivery tab as a routable extension', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[[deliveryApiRef, { getEnvironments: jest.fn() }]]}
      >
        <EntityProvider entity={entity}>
          <Routes>
            <Route path="/delivery" element={<EntityDeliveryContent />} />
          </Routes>
        </EntityProvider>
      </TestApiProvider>,
      { routeEntries: ['/delivery'] },
    );

    expect(
      await screen.findByText('Delivery is not set up for this component'),
    ).toBeInTheDocument();
  });
});
