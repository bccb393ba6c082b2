import { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import { InMemoryDeliveryApi } from '../../../__testUtils__/InMemoryDeliveryApi';
import { threeEnvironments } from '../../../__testUtils__/builders';
import { journeyDeliveryApi } from '../../../__testUtils__/journeyFixture';
import { renderView } from '../../../__testUtils__/renderView';
import { EntityDeliverySummaryCard } from './EntityDeliverySummaryCard';

const component = (annotated: boolean): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'journey-planner-service',
    ...(annotated && {
      annotations: { 'domain-delivery.io/service': 'journey-planner-service' },
    }),
  },
  spec: { type: 'service', owner: 'team-journey', lifecycle: 'production' },
});

describe('EntityDeliverySummaryCard', () => {
  it('shows the version in each environment with the drift', async () => {
    await renderView(<EntityDeliverySummaryCard />, {
      api: journeyDeliveryApi(),
      entity: component(true),
    });

    const chain = await screen.findByRole('list', {
      name: 'Versions along the promotion chain',
    });
    expect(chain).toHaveTextContent('Development 1.26.2');
    expect(chain).toHaveTextContent('1 version behindProduction 1.26.0');
  });

  it('says when nothing was deployed yet', async () => {
    await renderView(<EntityDeliverySummaryCard />, {
      api: new InMemoryDeliveryApi({
        environments: threeEnvironments,
        deployments: [],
        components: [],
      }),
      entity: component(true),
    });

    expect(
      await screen.findByText(/No deployment reported yet/),
    ).toBeInTheDocument();
  });

  it('names the annotation a component without delivery needs', async () => {
    await renderView(<EntityDeliverySummaryCard />, {
      api: {},
      entity: component(false),
    });

    expect(screen.getByText('domain-delivery.io/service')).toBeInTheDocument();
  });
});
