import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { journeyCatalog } from '../../../__testUtils__/journeyCatalog';
import { journeyApi } from '../../../__testUtils__/journeyPortal';
import { renderView } from '../../../__testUtils__/renderView';
import { DeliveryOverview } from './DeliveryOverview';

// The overview renders every domain's card, the DORA section with its chart
// and the deployment history: slow in jsdom on a busy machine.
jest.setTimeout(20_000);

const rowsOf = (name: string) =>
  within(screen.getByRole('table', { name })).getAllByRole('row').slice(1);

describe('DeliveryOverview', () => {
  it('shows every domain’s health and the newest deployments across the portal', async () => {
    await renderView(<DeliveryOverview />, {
      api: journeyApi(),
      catalogEntities: journeyCatalog,
    });

    expect(
      await screen.findByRole('heading', { name: 'Delivery overview' }),
    ).toBeInTheDocument();
    const titles = screen
      .getAllByRole('heading', { level: 2 })
      .map(h => h.textContent);
    expect(titles).toEqual([
      'Delivery overview',
      'Business Enablement',
      'Journey',
      'DORA metrics of the portal',
      'Pipelines and tests, last 30 days',
      'Newest deployments',
    ]);
    expect(screen.getByText('2 components, 1 with drift')).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('table', {
          name: 'Last deployment per environment in Journey',
        }),
      ).getByRole('row', { name: /^Production/ }),
    ).toHaveTextContent('1.26.0 of journey-planner-service');
    expect(
      await screen.findByRole('table', { name: 'Newest deployments' }),
    ).toBeInTheDocument();
    expect(rowsOf('Newest deployments')).toHaveLength(9);
    // Business Enablement has none; journey-planner-service has one open.
    expect(
      screen
        .getAllByText('Open incidents')
        .map(term => term.nextElementSibling?.textContent),
    ).toEqual(['0', '1']);
  });

  it('shows the DORA metrics of the whole portal, or of the chosen domain', async () => {
    const api = journeyApi();
    const getDora = api.getDora;
    await renderView(<DeliveryOverview />, {
      api,
      catalogEntities: journeyCatalog,
    });

    const portal = await screen.findByLabelText(
      'DORA metrics',
      {},
      { timeout: 5000 },
    );
    expect(
      screen.getByRole('heading', { name: 'DORA metrics of the portal' }),
    ).toBeInTheDocument();
    expect(getDora).toHaveBeenCalledWith(
      expect.not.objectContaining({ entityRef: expect.anything() }),
    );
    // Both journey components reached production; payments-api only dev.
    expect(
      within(portal).getByLabelText('Deployment frequency'),
    ).toHaveTextContent('2 deployments to production');

    await userEvent.selectOptions(screen.getByLabelText('Domain'), 'Journey');

    expect(
      await screen.findByText('DORA metrics of Journey'),
    ).toBeInTheDocument();
    expect(getDora).toHaveBeenLastCalledWith(
      expect.objectContaining({ entityRef: 'domain:default/journey' }),
    );
  });

  it('filters by domain', async () => {
    await renderView(<DeliveryOverview />, {
      api: journeyApi(),
      catalogEntities: journeyCatalog,
    });

    await userEvent.selectOptions(
      await screen.findByLabelText('Domain'),
      'Journey',
    );

    expect(
      screen.queryByRole('heading', { name: 'Business Enablement' }),
    ).not.toBeInTheDocument();
    await waitFor(() => expect(rowsOf('Newest deployments')).toHaveLength(7));
    expect(
      screen.getByRole('table', { name: 'Newest deployments' }),
    ).not.toHaveTextContent('payments-api');
  });

  it('filters by owner', async () => {
    await renderView(<DeliveryOverview />, {
      api: journeyApi(),
      catalogEntities: journeyCatalog,
    });

    await userEvent.selectOptions(
      await screen.findByLabelText('Owner'),
      'team-timetables',
    );

    expect(screen.getByText('1 component, 0 with drift')).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Business Enablement' }),
    ).not.toBeInTheDocument();
    await waitFor(() => expect(rowsOf('Newest deployments')).toHaveLength(3));
  });

  it('filters by environment', async () => {
    await renderView(<DeliveryOverview />, {
      api: journeyApi(),
      catalogEntities: journeyCatalog,
    });

    await userEvent.selectOptions(
      await screen.findByLabelText('Environment'),
      'Production',
    );

    const journey = screen.getByRole('table', {
      name: 'Last deployment per environment in Journey',
    });
    expect(
      within(journey)
        .getAllByRole('row')
        .slice(1)
        .map(r => within(r).getByRole('rowheader').textContent),
    ).toEqual(['Production production']);
    await waitFor(() => expect(rowsOf('Newest deployments')).toHaveLength(3));
    // The page's environment filter also drives the deployment list.
    expect(screen.getAllByLabelText('Environment')).toHaveLength(1);
  });

  it('says when the catalog has no domain', async () => {
    await renderView(<DeliveryOverview />, {
      api: journeyApi(),
      catalogEntities: [],
    });

    expect(
      await screen.findByText('No domains in the catalog'),
    ).toBeInTheDocument();
  });

  it('says what went wrong when the delivery backend fails', async () => {
    await renderView(<DeliveryOverview />, {
      api: {
        getEnvironments: async () => {
          throw new Error('The delivery backend is not reachable');
        },
        getDeployments: async () => ({ items: [] }),
      },
      catalogEntities: journeyCatalog,
    });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the delivery overview');
    expect(alert).toHaveTextContent('The delivery backend is not reachable');
  });
});
