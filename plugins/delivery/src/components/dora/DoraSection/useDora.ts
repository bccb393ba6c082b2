import { useApi } from '@backstage/core-plugin-api';
import { useMemo } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { deliveryApiRef, DoraQuery } from '../../../api';
import {
  DoraWindowOption,
  lastDays,
  readerTimeZone,
} from '../../../dora/doraWindow';

/**
 * DORA of a scope (an entity, a domain, a group, or the whole portal when
 * `entityRef` is absent) over a window counted back from when it was chosen,
 * with days and weeks in the reader's time zone.
 */
export function useDora(
  entityRef: string | undefined,
  doraWindow: DoraWindowOption,
) {
  const deliveryApi = useApi(deliveryApiRef);
  // Fixed when the window is chosen, so a re-render does not move it.
  const query = useMemo<DoraQuery>(
    () => ({
      ...(entityRef && { entityRef }),
      ...lastDays(doraWindow.days, new Date()),
      bucket: doraWindow.bucket,
      timeZone: readerTimeZone(),
    }),
    [entityRef, doraWindow],
  );
  const state = useAsyncRetry(
    () => deliveryApi.getDora(query),
    [deliveryApi, query],
  );
  return { query, ...state };
}
