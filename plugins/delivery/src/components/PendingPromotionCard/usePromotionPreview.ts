import { useApi } from '@backstage/core-plugin-api';
import { Promotion } from '@internal/backstage-plugin-delivery-common';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../api';

/**
 * The preview of a requested promotion: the same version change, commits and
 * values-file diff the requester saw, computed against what runs now.
 */
export function usePromotionPreview(promotion: Promotion) {
  const api = useApi(deliveryApiRef);
  const { entityRef, environment, version, trigger } = promotion;
  return useAsync(
    () => api.previewPromotion({ entityRef, environment, version, trigger }),
    [api, entityRef, environment, version, trigger],
  );
}
