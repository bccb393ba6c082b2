import { screen } from '@testing-library/react';
import {
  aPendingPromotion,
  approvalsDeliveryApi,
  PLANNER,
} from '../../../__testUtils__/approvalsFixture';
import { renderView } from '../../../__testUtils__/renderView';
import { ApprovalsLink } from './ApprovalsLink';

describe('ApprovalsLink', () => {
  it('leads to the approvals inbox and says how many promotions wait', async () => {
    const api = approvalsDeliveryApi({
      promotions: [
        aPendingPromotion(),
        aPendingPromotion({ id: 'p2', entityRef: PLANNER }),
        aPendingPromotion({ id: 'p3', state: 'succeeded' }),
      ],
    });
    await renderView(<ApprovalsLink />, { api });

    // A link drawn as a button, as Backstage's LinkButton does.
    const link = await screen.findByRole('button', {
      name: 'Approvals (2 pending)',
    });
    expect(link).toHaveAttribute('href', '/delivery/approvals');
  });
});
