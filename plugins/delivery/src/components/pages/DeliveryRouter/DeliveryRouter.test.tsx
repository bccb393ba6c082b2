import { screen } from '@testing-library/react';
import { journeyCatalog } from '../../../__testUtils__/journeyCatalog';
import { journeyApi } from '../../../__testUtils__/journeyPortal';
import { renderView } from '../../../__testUtils__/renderView';
import { DeliveryPageWithHeader, DeliveryRouter } from './DeliveryRouter';

// Whole pages render here, first with their lazily loaded parts: on a busy
// two-core machine that took longer than Jest's default 5 s.
jest.setTimeout(20_000);

describe('DeliveryRouter', () => {
  it('shows the overview at its root', async () => {
    await renderView(<DeliveryRouter />, {
      api: journeyApi(),
      catalogEntities: journeyCatalog,
      route: { path: '/delivery/*', url: '/delivery' },
    });

    expect(
      await screen.findByRole('heading', { name: 'Delivery overview' }),
    ).toBeInTheDocument();
  });

  it('shows a domain below it, under the page header of the legacy system', async () => {
    await renderView(<DeliveryPageWithHeader />, {
      api: journeyApi(),
      catalogEntities: journeyCatalog,
      route: { path: '/delivery/*', url: '/delivery/domains/default/journey' },
    });

    expect(
      screen.getByRole('heading', { level: 1, name: 'Delivery' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Versions by environment' }),
    ).toBeInTheDocument();
  });
});
