import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Environment } from '@internal/backstage-plugin-delivery-common';
import { screen } from '@testing-library/react';
import { DeliveryApi, deliveryApiRef } from '../../api';
import { EntityDeliveryContent } from './EntityDeliveryContent';

const environment = (
  name: string,
  production: boolean,
  promotedFrom: string | undefined,
  requiredApprovals: number,
): Environment => ({
  name,
  title: name,
  production,
  promotion: {
    promotedFrom,
    requiredApprovals,
    approvers: ['owner'],
    allowSelfApproval: false,
    minimumSoakSeconds: 0,
  },
  freezeWindows: [],
  executor: { type: 'gitops-local' },
});

const environments = [
  environment('dev', false, undefined, 0),
  environment('staging', false, 'dev', 0),
  environment('prod', true, 'staging', 2),
];

const component = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'parking-availability-service', annotations },
  spec: { type: 'service', owner: 'team-smart-city', lifecycle: 'production' },
});

async function renderTab(entity: Entity, api: Partial<DeliveryApi>) {
  await renderInTestApp(
    <TestApiProvider apis={[[deliveryApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityDeliveryContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityDeliveryContent', () => {
  it('shows one card per environment in promotion order with its policy', async () => {
    await renderTab(
      component({ 'domain-delivery.io/service': 'parking-availability' }),
      { getEnvironments: async () => environments },
    );

    const headings = await screen.findAllByText(/^(dev|staging|prod)$/);
    expect(headings.map(h => h.textContent)).toEqual([
      'dev',
      'staging',
      'prod',
    ]);
    expect(
      screen.getByText('Promoted from staging, 2 approvals required'),
    ).toBeInTheDocument();
    expect(screen.getByText('Promoted from dev')).toBeInTheDocument();
    expect(screen.getByText('production')).toBeInTheDocument();
  });

  it('shows only the environments the component asks for', async () => {
    await renderTab(
      component({
        'domain-delivery.io/service': 'parking-availability',
        'domain-delivery.io/environments': 'dev,prod',
      }),
      { getEnvironments: async () => environments },
    );

    expect(
      await screen.findByText('No deployment reported to prod yet.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('No deployment reported to staging yet.'),
    ).not.toBeInTheDocument();
  });

  it('explains how to connect a component without the delivery annotation', async () => {
    const getEnvironments = jest.fn();
    await renderTab(component({}), { getEnvironments });

    expect(
      screen.getByText('Delivery is not set up for this component'),
    ).toBeInTheDocument();
    expect(document.body).toHaveTextContent(
      'domain-delivery.io/service: parking-availability-service',
    );
    expect(getEnvironments).not.toHaveBeenCalled();
  });

  it('says what went wrong when the backend cannot be reached', async () => {
    await renderTab(
      component({ 'domain-delivery.io/service': 'parking-availability' }),
      {
        getEnvironments: async () => {
          throw new Error('delivery backend unavailable');
        },
      },
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Error: delivery backend unavailable',
    );
  });
});
