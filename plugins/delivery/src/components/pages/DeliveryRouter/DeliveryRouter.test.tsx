import { screen } from '@testing-library/react';
import {
  journeyCatalog,
  journeyDeliveryApi,
} from '../../../__testUtils__/journeyFixture';
import { renderView } from '../../../__testUtils__/renderView';
import { DeliveryPageWithHeader, DeliveryRouter } from './DeliveryRouter';

describe('DeliveryRouter', () => {
  it('shows the overview at its root', async () => {
    await renderView(<DeliveryRouter />, {
      api: journeyDeliveryApi(),
      catalogEntities: journeyCatalog,
      route: { path: '/delivery/*', url: '/delivery' },
    });

    expect(
      await screen.findByRole('heading', { name: 'Delivery overview' }),
    ).toBeInTheDocument();
  });

  it('shows a domain below it, under the page header of the legacy system', async () => {
    await renderView(<DeliveryPageWithHeader />, {
      api: journeyDeliveryApi(),
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
