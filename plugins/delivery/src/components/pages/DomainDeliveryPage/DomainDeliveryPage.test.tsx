import { screen } from '@testing-library/react';
import { journeyApi } from '../../../__testUtils__/journeyPortal';
import { renderView } from '../../../__testUtils__/renderView';
import { DomainDeliveryPage } from './DomainDeliveryPage';

// The domain page renders its matrix, the DORA section with its chart and the
// deployment history: slow in jsdom on a busy machine.
jest.setTimeout(20_000);

describe('DomainDeliveryPage', () => {
  it('shows the domain named in the URL, with links back to all domains and to the catalog', async () => {
    await renderView(<DomainDeliveryPage />, {
      api: journeyApi(),
      route: {
        path: '/delivery/domains/:namespace/:name',
        url: '/delivery/domains/default/journey',
      },
    });

    expect(
      screen.getByRole('heading', { name: 'journey' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All domains' })).toHaveAttribute(
      'href',
      '/delivery',
    );
    expect(
      screen.getByRole('link', { name: 'Open the domain in the catalog' }),
    ).toHaveAttribute('href', '/catalog/default/domain/journey');
    expect(
      await screen.findByText(
        '2 components, 1 with drift between environments',
      ),
    ).toBeInTheDocument();
  });
});
