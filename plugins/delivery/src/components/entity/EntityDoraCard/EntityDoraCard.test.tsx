import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import { journeyApi } from '../../../__testUtils__/journeyPortal';
import { renderView } from '../../../__testUtils__/renderView';
import { EntityDoraCard } from './EntityDoraCard';

const component = (annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    namespace: 'default',
    name: 'journey-planner-service',
    title: 'Journey Planner Service',
    annotations,
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-journey' },
});

// Rendering the DORA chart in jsdom is slow on a busy machine.
jest.setTimeout(20_000);

describe('EntityDoraCard', () => {
  it('shows the component’s DORA metrics, counting only its succeeded production deployments', async () => {
    const api = journeyApi();
    const getDora = api.getDora;
    await renderView(<EntityDoraCard />, {
      api,
      entity: component({
        'domain-delivery.io/service': 'journey-planner-service',
      }),
    });

    const metrics = await screen.findByLabelText('DORA metrics');
    expect(getDora).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'component:default/journey-planner-service',
      }),
    );
    expect(
      screen.getByRole('heading', { name: 'DORA metrics' }),
    ).toBeInTheDocument();
    // 1.26.0 reached production 30 hours ago; 1.26.2 failed there and does not count.
    expect(
      within(metrics).getByLabelText('Deployment frequency'),
    ).toHaveTextContent('1 deployment to production');
    // Its deployment reported no commits, so there is no lead time to show.
    expect(
      within(metrics).getByLabelText('Lead time for changes'),
    ).toHaveTextContent('no data');
    expect(screen.getByText(/^Last 30 days: /)).toBeInTheDocument();
  });

  it('explains how to connect a component that is not delivered through Domain Delivery', async () => {
    const api = journeyApi();
    const getDora = api.getDora;
    await renderView(<EntityDoraCard />, { api, entity: component() });

    expect(
      screen.getByText(/Not delivered through Domain Delivery/),
    ).toHaveTextContent('domain-delivery.io/service');
    expect(getDora).not.toHaveBeenCalled();
  });
});
