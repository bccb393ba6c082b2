import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { Promotion } from '@domain-delivery/backstage-plugin-delivery-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { deliveryApiRef } from '../../../api';
import { useDeliverySignal } from '../../shared/useDeliverySignal';

/** How many promotions the history shows; the backend answers at most 200. */
export const HISTORY_LIMIT = 200;

/** What the approvals inbox shows. */
export interface ApprovalsInboxData {
  /** Promotions waiting for approval, newest first. */
  pending: Promotion[];
  /** Every promotion, newest first, up to {@link HISTORY_LIMIT}. */
  history: Promotion[];
  /** The signed-in user's entity ref. */
  viewer: string;
}

/**
 * Loads the promotions waiting for approval, the history and who is signed
 * in; again whenever the backend signals that a promotion moved.
 */
export function useApprovalsInbox() {
  const deliveryApi = useApi(deliveryApiRef);
  const identityApi = useApi(identityApiRef);
  const signalled = useDeliverySignal(signal => signal.type === 'promotion');
  return useAsyncRetry(async (): Promise<ApprovalsInboxData> => {
    const [pending, history, identity] = await Promise.all([
      deliveryApi.listPromotions({
        state: 'pending_approval',
        limit: HISTORY_LIMIT,
      }),
      deliveryApi.listPromotions({ limit: HISTORY_LIMIT }),
      identityApi.getBackstageIdentity(),
    ]);
    return { pending, history, viewer: identity.userEntityRef };
  }, [deliveryApi, identityApi, signalled]);
}
