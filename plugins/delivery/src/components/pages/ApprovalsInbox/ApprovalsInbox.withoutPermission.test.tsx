import { screen, within } from '@testing-library/react';
import {
  ENGINEER,
  aPendingPromotion,
  approvalsDeliveryApi,
  renderAsApprover,
} from '../../../__testUtils__/approvalsFixture';
import { ApprovalsInbox } from './ApprovalsInbox';

// In a file of its own: usePermission caches each permission's decision for
// the whole module registry, so a test next to those of an approver would
// see their decision.

describe('ApprovalsInbox without the approve permission', () => {
  it('shows what waits, but offers neither approve nor reject', async () => {
    const api = approvalsDeliveryApi({ promotions: [aPendingPromotion()] });
    await renderAsApprover(<ApprovalsInbox />, {
      api,
      user: ENGINEER,
      mayApprove: false,
    });

    const card = await screen.findByRole('article', {
      name: 'Promotion of timetable-service 1.13.0 into prod',
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Only approvers (the delivery.promotion.approve permission) can approve or reject these promotions.',
    );
    expect(
      within(card).queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
    expect(
      within(card).queryByRole('button', { name: 'Reject' }),
    ).not.toBeInTheDocument();
  });
});
