import { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import {
  anEnvironmentStatus,
  threeEnvironments,
} from '../../../__testUtils__/builders';
import { stubDeliveryApi } from '../../../__testUtils__/deliveryApiStub';
import { journeyApi } from '../../../__testUtils__/journeyPortal';
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
      api: journeyApi(),
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
      api: stubDeliveryApi({
        getEntityEnvironments: async entityRef => ({
          entityRef,
          items: threeEnvironments.map(e => anEnvironmentStatus(e)),
        }),
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
