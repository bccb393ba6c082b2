import { screen } from '@testing-library/react';
import { controlsDeliveryApi } from '../../../__testUtils__/controlsFixture';
import { permissionsDenying } from '../../../__testUtils__/permissions';
import { renderView } from '../../../__testUtils__/renderView';
import { ControlsLink } from '../../controls/ControlsLink';
import { FreezesAndHaltsPage } from './FreezesAndHaltsPage';

// In a file of its own: usePermission caches each decision for the module registry.

describe('FreezesAndHaltsPage without delivery.admin', () => {
  it('offers no link to the page, and the page offers nothing to change', async () => {
    const api = controlsDeliveryApi();
    await renderView(
      <>
        <ControlsLink />
        <FreezesAndHaltsPage />
      </>,
      { api, permissionApi: permissionsDenying('delivery.admin') },
    );

    expect(
      await screen.findByText(/Only platform admins \(the/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Freezes and halts' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Halt' }),
    ).not.toBeInTheDocument();
    expect(api.listHalts).not.toHaveBeenCalled();
  });
});
