import { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import deliveryPlugin, { entityDeliveryContent } from './alpha';
import { deliveryApiRef } from './api';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'bike-share-service',
    annotations: { 'domain-delivery.io/service': 'bike-share-service' },
  },
  spec: { type: 'service', owner: 'team-smart-city', lifecycle: 'production' },
};

describe('new frontend system exports', () => {
  it('is the delivery plugin', () => {
    expect(deliveryPlugin.id).toBe('delivery');
  });

  it('adds a Delivery tab to component pages that lists the environments', async () => {
    const tester = createExtensionTester(entityDeliveryContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('delivery');

    renderInTestApp(
      <EntityProvider entity={entity}>
        {tester.get(coreExtensionData.reactElement)}
      </EntityProvider>,
      {
        apis: [
          [
            deliveryApiRef,
            {
              getEnvironments: async () => [
                {
                  name: 'dev',
                  title: 'Development',
                  production: false,
                  promotion: {
                    requiredApprovals: 0,
                    approvers: [],
                    allowSelfApproval: false,
                    minimumSoakSeconds: 0,
                  },
                  freezeWindows: [],
                  executor: { type: 'gitops-local' },
                },
              ],
            },
          ],
        ],
      },
    );

    expect(await screen.findByText('Development')).toBeInTheDocument();
  });
});
