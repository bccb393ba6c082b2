import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import {
  OPEN_PROMOTION_STATES,
  Promotion,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { useEffect, useMemo, useRef } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../../api';
import { describeOutcome } from '../../promotions/EnvironmentPromotions/promotionProgress';

/**
 * The entity's open promotions by target environment, read again at each
 * `revision` (the page's signals say when one moved); when one finishes, says
 * how it ended and calls `onSettled` so the environments are read again.
 */
export function useOpenPromotions(options: {
  entityRef: string;
  revision: number;
  titleOf: (environment: string) => string;
  onSettled: () => void;
}) {
  const { entityRef, revision, titleOf, onSettled } = options;
  const deliveryApi = useApi(deliveryApiRef);
  const alertApi = useApi(alertApiRef);

  const { value, error } = useAsync(
    () =>
      deliveryApi.listPromotions({
        entityRef,
        state: [...OPEN_PROMOTION_STATES],
      }),
    [deliveryApi, entityRef, revision],
  );

  const seen = useRef<string[]>();
  const latest = useRef({ titleOf, onSettled });
  latest.current = { titleOf, onSettled };
  useEffect(() => {
    if (!value) {
      return;
    }
    const ids = value.map(p => p.id);
    const settled = (seen.current ?? []).filter(id => !ids.includes(id));
    seen.current = ids;
    if (settled.length === 0) {
      return;
    }
    latest.current.onSettled();
    Promise.all(settled.map(id => deliveryApi.getPromotion(id))).then(
      promotions =>
        promotions.forEach(promotion =>
          alertApi.post({
            message: describeOutcome(
              promotion,
              latest.current.titleOf(promotion.environment),
            ),
            severity: promotion.state === 'succeeded' ? 'success' : 'warning',
            display: 'transient',
          }),
        ),
      (readError: Error) =>
        alertApi.post({
          message: `Could not read how a promotion ended: ${readError.message}`,
          severity: 'error',
        }),
    );
  }, [value, deliveryApi, alertApi]);

  const byEnvironment = useMemo(() => {
    const map = new Map<string, Promotion[]>();
    for (const promotion of value ?? []) {
      map.set(promotion.environment, [
        ...(map.get(promotion.environment) ?? []),
        promotion,
      ]);
    }
    return map;
  }, [value]);

  return { byEnvironment, error };
}
