import { useApi } from '@backstage/core-plugin-api';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { deliveryApiRef } from '../../../api';
import {
  DeploymentFeedPosition,
  DeploymentFeedQuery,
  readDeploymentFeedPage,
} from '../deploymentFeed';

type Paging = {
  key: string;
  positions: Array<DeploymentFeedPosition | undefined>;
};

/**
 * Pages through a deployment feed with the cursors the backend hands out:
 * `older` follows the next cursor, `newer` goes back to the page before.
 * A changed query starts again from the newest page; a changed `revision`
 * reads the page shown again.
 */
export function useDeploymentFeed(query: DeploymentFeedQuery, revision = 0) {
  const api = useApi(deliveryApiRef);
  const key = JSON.stringify(query);
  const [paging, setPaging] = useState<Paging>({ key, positions: [undefined] });
  const positions = paging.key === key ? paging.positions : [undefined];
  const position = positions[positions.length - 1];

  const { value, loading, error, retry } = useAsyncRetry(
    () => readDeploymentFeedPage(api, JSON.parse(key), position),
    [api, key, position, revision],
  );

  return {
    page: value,
    loading,
    error,
    retry,
    pageNumber: positions.length,
    hasNewer: positions.length > 1,
    hasOlder: Boolean(value?.next),
    older: () => {
      if (value?.next) {
        setPaging({ key, positions: [...positions, value.next] });
      }
    },
    newer: () => setPaging({ key, positions: positions.slice(0, -1) }),
  };
}
