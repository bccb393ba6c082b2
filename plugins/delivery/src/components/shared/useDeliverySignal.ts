import {
  DELIVERY_SIGNAL_CHANNEL,
  DeliverySignal,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { useSignal } from '@backstage/plugin-signals-react';
import { useEffect, useRef, useState } from 'react';
import useInterval from 'react-use/esm/useInterval';

/**
 * How often a page reads again when the app has no signals plugin and the
 * page cannot hear of changes: slow, as this is a fallback, not the way the
 * page learns of them.
 */
export const FALLBACK_REFRESH_MS = 60_000;

/**
 * A revision of what the page shows: it grows each time the delivery backend
 * signals a change that `concerns` says the page shows, so a read that lists
 * it among its dependencies runs again. In an app without the signals plugin
 * it grows every {@link FALLBACK_REFRESH_MS} instead.
 */
export function useDeliverySignal(
  concerns: (signal: DeliverySignal) => boolean,
): number {
  const { lastSignal, isSignalsAvailable } = useSignal<DeliverySignal>(
    DELIVERY_SIGNAL_CHANNEL,
  );
  const [revision, setRevision] = useState(0);
  // The latest filter, without subscribing again whenever a page renders.
  const latest = useRef(concerns);
  latest.current = concerns;
  useEffect(() => {
    if (lastSignal && latest.current(lastSignal)) {
      setRevision(r => r + 1);
    }
  }, [lastSignal]);
  useInterval(
    () => setRevision(r => r + 1),
    isSignalsAvailable ? null : FALLBACK_REFRESH_MS,
  );
  return revision;
}
