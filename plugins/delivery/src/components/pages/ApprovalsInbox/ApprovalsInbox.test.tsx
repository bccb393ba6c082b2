import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ADMIN,
  ENGINEER,
  aPendingPromotion,
  approvalsDeliveryApi,
  PLANNER,
  renderAsApprover,
} from '../../../__testUtils__/approvalsFixture';
import { ApprovalsInbox } from './ApprovalsInbox';

// Each test renders the whole inbox with Material UI dialogs, which takes a
// few seconds on a busy machine.
jest.setTimeout(30_000);

// A diff line's leading spaces are part of what it says.
const exactly = { normalizer: (text: string) => text };

const TIMETABLE_CARD = 'Promotion of timetable-service 1.13.0 into prod';

async function findCard(name = TIMETABLE_CARD) {
  return screen.findByRole('article', { name });
}

describe('ApprovalsInbox', () => {
  it('lists the promotions waiting for approval with what each changes', async () => {
    const api = approvalsDeliveryApi({ promotions: [aPendingPromotion()] });
    await renderAsApprover(<ApprovalsInbox />, { api });

    expect(
      screen.getByRole('heading', { name: 'Waiting for approval (1)' }),
    ).toBeInTheDocument();
    const card = await findCard();
    expect(within(card).getByText('New winter timetables')).toBeInTheDocument();
    expect(
      within(card).getByText('0 of 1', { exact: false }),
    ).toBeInTheDocument();
    // The preview's diff of the values file, and the commit it brings.
    expect(
      await within(card).findByText('-  tag: 1.12.2', exactly),
    ).toBeInTheDocument();
    expect(
      within(card).getByText('+  tag: 1.13.0', exactly),
    ).toBeInTheDocument();
    expect(within(card).getByText('a1b2c3d')).toBeInTheDocument();
    // The fake has no production deployment in the last 30 days to rate.
    expect(
      within(card).getByText(
        'No deployment to Production in the last 30 days to rate.',
      ),
    ).toBeInTheDocument();
  });

  it('marks a deployment GitHub asks about, links its run, and shows no change of the portal’s executor', async () => {
    const api = approvalsDeliveryApi({
      promotions: [
        aPendingPromotion({
          requestedBy: 'github:octocat',
          reason: 'GitHub asks to deploy 1a2b3c4d5e6f (main) to production',
          gate: {
            source: 'github',
            url: 'https://github.com/acme/timetable-service/actions/runs/42',
          },
        }),
      ],
    });
    await renderAsApprover(<ApprovalsInbox />, { api });

    const card = await findCard();
    expect(
      within(card).getByText('from GitHub', { exact: false }),
    ).toBeInTheDocument();
    expect(within(card).getByText('github:octocat')).toBeInTheDocument();
    expect(
      within(card).getByRole('link', { name: /the waiting run/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/timetable-service/actions/runs/42',
    );
    // The commits it brings are shown; GitHub deploys, so no values diff.
    expect(await within(card).findByText('a1b2c3d')).toBeInTheDocument();
    expect(
      within(card).queryByText('+  tag: 1.13.0', exactly),
    ).not.toBeInTheDocument();
  });

  it('approves with a comment, and the promotion leaves the list', async () => {
    const api = approvalsDeliveryApi({ promotions: [aPendingPromotion()] });
    const approve = api.approvePromotion;
    await renderAsApprover(<ApprovalsInbox />, { api });

    await userEvent.click(
      await within(await findCard()).findByRole('button', { name: 'Approve' }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Approve timetable-service 1.13.0 into prod',
    });
    await userEvent.click(
      within(dialog).getByRole('textbox', { name: 'Comment' }),
    );
    await userEvent.paste('Checked the timetables');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    expect(approve).toHaveBeenCalledWith(
      'promotion-timetable',
      'Checked the timetables',
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('article', { name: TIMETABLE_CARD }),
      ).not.toBeInTheDocument(),
    );
    expect(
      screen.getByRole('heading', { name: 'Waiting for approval (0)' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Approved timetable-service 1.13.0 into prod.',
    );
    expect((await api.getPromotion('promotion-timetable')).state).toBe(
      'approved',
    );
  });

  it('rejects only with a comment saying why', async () => {
    const api = approvalsDeliveryApi({ promotions: [aPendingPromotion()] });
    await renderAsApprover(<ApprovalsInbox />, { api });

    await userEvent.click(
      await within(await findCard()).findByRole('button', { name: 'Reject' }),
    );
    const dialog = screen.getByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Reject' });
    expect(confirm).toBeDisabled();

    await userEvent.click(
      within(dialog).getByRole('textbox', { name: /Comment/ }),
    );
    await userEvent.paste('Not during the timetable switch');
    expect(confirm).toBeEnabled();
    await userEvent.click(confirm);

    await waitFor(() =>
      expect(
        screen.queryByRole('article', { name: TIMETABLE_CARD }),
      ).not.toBeInTheDocument(),
    );
    const rejected = await api.getPromotion('promotion-timetable');
    expect(rejected.state).toBe('rejected');
    expect(rejected.transitions?.at(-1)).toMatchObject({
      to: 'rejected',
      actor: ADMIN,
      comment: 'Not during the timetable switch',
    });
  });

  it('shows the backend’s refusal in the dialog, e.g. when someone else decided first', async () => {
    const api = approvalsDeliveryApi({ promotions: [aPendingPromotion()] });
    await renderAsApprover(<ApprovalsInbox />, { api });
    await userEvent.click(
      await within(await findCard()).findByRole('button', { name: 'Approve' }),
    );
    await api.rejectPromotion('promotion-timetable', 'Too late today');

    const dialog = screen.getByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Promotion promotion-timetable is rejected and can no longer be approved',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('does not let an approver approve their own request', async () => {
    const api = approvalsDeliveryApi({
      promotions: [aPendingPromotion({ requestedBy: ADMIN })],
    });
    await renderAsApprover(<ApprovalsInbox />, { api });

    const card = await findCard();
    expect(
      await within(card).findByRole('button', { name: 'Approve' }),
    ).toBeDisabled();
    expect(
      within(card).getByText(
        'You requested it, so another approver has to approve it.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the signed-in user’s own requests and every promotion’s history', async () => {
    const api = approvalsDeliveryApi({
      promotions: [
        aPendingPromotion(),
        aPendingPromotion({
          id: 'promotion-planner',
          entityRef: PLANNER,
          version: '1.26.2',
          state: 'succeeded',
          requestedBy: 'user:default/priya-nair',
        }),
      ],
    });
    await renderAsApprover(<ApprovalsInbox />, { api, user: ENGINEER });

    const mine = await screen.findByRole('table', {
      name: 'Promotions you requested',
    });
    expect(within(mine).getAllByRole('button')).toHaveLength(1);
    expect(
      within(mine).getByRole('button', {
        name: 'Transitions of timetable-service 1.13.0 into prod',
      }),
    ).toBeInTheDocument();

    const history = screen.getByRole('table', { name: 'Promotion history' });
    expect(within(history).getByText('Succeeded')).toBeInTheDocument();
    expect(
      within(history).getByText('Waiting for approval'),
    ).toBeInTheDocument();
  });

  it('says when nothing waits for approval', async () => {
    const api = approvalsDeliveryApi({ promotions: [] });
    await renderAsApprover(<ApprovalsInbox />, { api });

    expect(
      await screen.findByText('Nothing waits for approval'),
    ).toBeInTheDocument();
  });

  it('says when the promotions cannot be loaded', async () => {
    const api = approvalsDeliveryApi({ promotions: [] });
    api.listPromotions.mockRejectedValue(
      new Error('The delivery backend is down'),
    );
    await renderAsApprover(<ApprovalsInbox />, { api });

    expect(
      await screen.findByText(/Could not load the promotions/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText('The delivery backend is down', { exact: false }),
    ).not.toHaveLength(0);
  });
});
