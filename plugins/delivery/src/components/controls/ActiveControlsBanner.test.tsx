import { act, screen, waitFor } from '@testing-library/react';
import {
  aHalt,
  controlsDeliveryApi,
  weekendFreeze,
} from '../../__testUtils__/controlsFixture';
import { threeEnvironments } from '../../__testUtils__/builders';
import { renderView } from '../../__testUtils__/renderView';
import { ActiveControlsBanner } from './ActiveControlsBanner';

describe('ActiveControlsBanner', () => {
  it("shows the portal's and this domain's halts and the active freezes, not other domains' halts", async () => {
    const api = controlsDeliveryApi({
      halts: [
        aHalt({ id: 'portal', reason: 'Incident INC-42' }),
        aHalt({
          id: 'journey',
          scope: 'domain:default/journey',
          reason: 'Timetable outage',
        }),
        aHalt({
          id: 'payments',
          scope: 'domain:default/business-enablement',
          reason: 'Card processor down',
        }),
        aHalt({ id: 'old', active: false, reason: 'Long over' }),
      ],
      freezeWindows: [
        {
          ...weekendFreeze,
          active: true,
          activeUntil: '2026-12-07T07:00:00Z',
        },
      ],
    });
    await renderView(
      <ActiveControlsBanner
        domainRef="domain:default/journey"
        environments={threeEnvironments}
      />,
      { api },
    );

    const banner = await screen.findByRole('status');
    expect(banner).toHaveTextContent('All promotions are halted since');
    expect(banner).toHaveTextContent('Incident INC-42');
    expect(banner).toHaveTextContent(
      'Promotions of domain:default/journey are halted',
    );
    expect(banner).toHaveTextContent(
      /Production is frozen until .*: No production changes over the weekend/,
    );
    expect(banner).not.toHaveTextContent('Card processor down');
    expect(banner).not.toHaveTextContent('Long over');
  });

  it('shows nothing while nothing holds', async () => {
    const api = controlsDeliveryApi();
    await renderView(<ActiveControlsBanner />, { api });
    await waitFor(() => expect(api.listFreezeWindows).toHaveBeenCalled());
    await act(async () => {
      await Promise.all(api.listHalts.mock.results.map(r => r.value));
    });
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
