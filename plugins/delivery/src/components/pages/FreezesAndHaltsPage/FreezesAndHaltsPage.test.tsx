import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  aHalt,
  controlsDeliveryApi,
} from '../../../__testUtils__/controlsFixture';
import { journeyCatalog } from '../../../__testUtils__/journeyCatalog';
import { renderView } from '../../../__testUtils__/renderView';
import { ControlsLink } from '../../controls/ControlsLink';
import { FreezesAndHaltsPage } from './FreezesAndHaltsPage';

jest.setTimeout(30_000);

describe('FreezesAndHaltsPage', () => {
  it('is linked from the overview for whoever holds delivery.admin', async () => {
    await renderView(<ControlsLink />, { api: controlsDeliveryApi() });
    expect(
      await screen.findByRole('button', { name: 'Freezes and halts' }),
    ).toHaveAttribute('href', '/delivery/controls');
  });

  it('halts a domain with a reason, and lifts the halt', async () => {
    const api = controlsDeliveryApi();
    await renderView(<FreezesAndHaltsPage />, {
      api,
      catalogEntities: journeyCatalog,
    });

    expect(await screen.findByText('Nothing is halted.')).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Halt promotions' });
    fireEvent.mouseDown(within(form).getByLabelText('What to halt'));
    await userEvent.click(
      await screen.findByRole('option', {
        name: 'Promotions of the domain Journey',
      }),
    );
    await userEvent.type(
      within(form).getByLabelText(/Reason/),
      'Timetable outage',
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Halt' }));

    expect(api.halt).toHaveBeenCalledWith({
      scope: 'domain:default/journey',
      reason: 'Timetable outage',
    });
    const inForce = await screen.findByRole('list', { name: 'Halts in force' });
    expect(inForce).toHaveTextContent(
      'Promotions of domain:default/journey are halted since',
    );
    expect(inForce).toHaveTextContent(
      'by user:default/platform-admin: Timetable outage',
    );

    await userEvent.click(
      within(inForce).getByRole('button', { name: 'Lift' }),
    );
    expect(api.liftHalt).toHaveBeenCalledWith('halt-1');
    expect(
      await screen.findByRole('list', { name: 'Lifted halts' }),
    ).toHaveTextContent('Lifted by user:default/platform-admin');
    expect(screen.getByText('Nothing is halted.')).toBeInTheDocument();
  });

  it('lists the configured freeze windows and adds a one-off one in a time zone', async () => {
    const api = controlsDeliveryApi();
    await renderView(<FreezesAndHaltsPage />, {
      api,
      catalogEntities: journeyCatalog,
    });

    const windows = await screen.findByRole('table');
    expect(windows).toHaveTextContent(
      'Every Friday 16:00 to Monday 08:00 (Europe/Berlin)',
    );
    expect(windows).toHaveTextContent('Configuration');
    // The configured window is changed in app-config, not here.
    expect(
      within(windows).queryByRole('button', { name: 'Remove' }),
    ).not.toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Add a freeze window' });
    fireEvent.change(within(form).getByLabelText(/From/), {
      target: { value: '2026-12-24T00:00' },
    });
    fireEvent.change(within(form).getByLabelText(/Until/), {
      target: { value: '2026-12-27T00:00' },
    });
    const zone = within(form).getByLabelText('Time zone');
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Europe/Berlin');
    await userEvent.type(within(form).getByLabelText('Reason'), 'Holidays');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Add freeze window' }),
    );

    expect(api.addFreezeWindow).toHaveBeenCalledWith({
      environment: 'prod',
      start: '2026-12-24T00:00',
      end: '2026-12-27T00:00',
      timeZone: 'Europe/Berlin',
      reason: 'Holidays',
    });
    await waitFor(() =>
      expect(screen.getByRole('table')).toHaveTextContent('Holidays'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(api.deleteFreezeWindow).toHaveBeenCalledWith('freeze-1');
  });

  it("shows the backend's reason when a halt is refused", async () => {
    const api = controlsDeliveryApi({ halts: [aHalt()] });
    api.halt.mockRejectedValue(
      new Error('portal is already halted by user:default/platform-admin'),
    );
    await renderView(<FreezesAndHaltsPage />, {
      api,
      catalogEntities: journeyCatalog,
    });

    const form = await screen.findByRole('form', { name: 'Halt promotions' });
    await userEvent.type(within(form).getByLabelText(/Reason/), 'Again');
    await userEvent.click(within(form).getByRole('button', { name: 'Halt' }));
    expect(await screen.findByText(/already halted/)).toBeInTheDocument();
  });
});
