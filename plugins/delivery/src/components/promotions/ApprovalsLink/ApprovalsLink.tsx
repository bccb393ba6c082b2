import { LinkButton } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../../api';
import { approvalsRouteRef } from '../../../routes';
import { useDeliverySignal } from '../../shared/useDeliverySignal';

// The backend lists at most this many promotions at once.
const COUNT_LIMIT = 200;

function pendingText(count: number | undefined): string {
  if (count === undefined) return '';
  if (count >= COUNT_LIMIT) return ` (${COUNT_LIMIT}+ pending)`;
  return ` (${count} pending)`;
}

/** A link to the approvals inbox with how many promotions wait for approval. */
export const ApprovalsLink = () => {
  const api = useApi(deliveryApiRef);
  const approvalsRoute = useRouteRef(approvalsRouteRef);
  const signalled = useDeliverySignal(signal => signal.type === 'promotion');
  // Without the count (e.g. while it loads) the link still leads to the inbox.
  const { value: count } = useAsync(
    async () =>
      (
        await api.listPromotions({
          state: 'pending_approval',
          limit: COUNT_LIMIT,
        })
      ).length,
    [api, signalled],
  );
  return (
    <LinkButton to={approvalsRoute()} variant="outlined" color="primary">
      Approvals{pendingText(count)}
    </LinkButton>
  );
};
