import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ADMIN,
  ENGINEER,
  aPendingPromotion,
  approvalsDeliveryApi,
} from '../../../__testUtils__/approvalsFixture';
import { hoursAgo } from '../../../__testUtils__/builders';
import { journeyCatalog } from '../../../__testUtils__/journeyCatalog';
import { renderView } from '../../../__testUtils__/renderView';
import { PromotionHistory } from './PromotionHistory';

const rejected = aPendingPromotion({
  state: 'rejected',
  transitions: [
    { to: 'pending_approval', actor: ENGINEER, at: hoursAgo(3) },
    {
      from: 'pending_approval',
      to: 'rejected',
      actor: ADMIN,
      at: hoursAgo(2),
      comment: 'Not during the timetable switch',
    },
  ],
});

describe('PromotionHistory', () => {
  it('shows each promotion with its state, and its transitions when opened', async () => {
    const api = approvalsDeliveryApi({ promotions: [rejected] });
    await renderView(
      <PromotionHistory
        promotions={await api.listPromotions()}
        label="Promotion history"
      />,
      { api, catalogEntities: journeyCatalog },
    );

    const table = screen.getByRole('table', { name: 'Promotion history' });
    expect(within(table).getByText('Rejected')).toBeInTheDocument();
    expect(
      within(table).getByText('New winter timetables'),
    ).toBeInTheDocument();
    expect(within(table).getByText('1.12.2 → 1.13.0')).toBeInTheDocument();

    const toggle = within(table).getByRole('button', {
      name: 'Transitions of timetable-service 1.13.0 into prod',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');

    const transitions = await screen.findByRole('list', {
      name: 'Transitions of timetable-service 1.13.0 into prod',
    });
    const [requested, decided] = within(transitions).getAllByRole('listitem');
    expect(requested).toHaveTextContent(
      'Requested: Waiting for approval, by engineer, 3 hours ago',
    );
    expect(decided).toHaveTextContent(
      'Waiting for approval → Rejected, by platform-admin, 2 hours ago: Not during the timetable switch',
    );
    // The absolute time is on hover.
    expect(within(decided).getByText('2 hours ago')).toHaveAttribute('title');
  });

  it('says so when there are no promotions', async () => {
    const api = approvalsDeliveryApi({ promotions: [] });
    await renderView(
      <PromotionHistory promotions={[]} label="Promotion history" />,
      { api },
    );
    expect(screen.getByText('No promotions yet.')).toBeInTheDocument();
  });
});
