import { useApi } from '@backstage/core-plugin-api';
import {
  EnvironmentSummary,
  Promotion,
} from '@domain-delivery/backstage-plugin-delivery-common';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../../api';

/**
 * The preview of a requested promotion: the same version change, commits and
 * values-file diff the requester saw, computed against what runs now, with
 * the target environment as configured.
 */
export function usePromotionPreview(promotion: Promotion) {
  const api = useApi(deliveryApiRef);
  const { entityRef, environment, version, trigger } = promotion;
  return useAsync(async () => {
    const [preview, environments] = await Promise.all([
      api.previewPromotion({ entityRef, environment, version, trigger }),
      api.getEnvironments(),
    ]);
    const configured = environments.find(e => e.name === environment);
    // A promotion outlives configuration changes; name the environment as
    // stored when it is no longer configured.
    const target: EnvironmentSummary = configured
      ? {
          name: configured.name,
          title: configured.title,
          production: configured.production,
        }
      : { name: environment, title: environment, production: false };
    return { preview, environment: target };
  }, [api, entityRef, environment, version, trigger]);
}
