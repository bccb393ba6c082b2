import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { DeliveryApi, deliveryApiRef } from '../../../api';
import { HealthIndicatorValues } from './HealthIndicators';

async function optional<T>(
  read: () => Promise<T | undefined> | undefined,
): Promise<T | undefined> {
  try {
    return await read();
  } catch {
    // An indicator that fails to load shows as not available, like a missing one.
    return undefined;
  }
}

/** Reads the health indicators the API offers for an entity (a component or a domain), CI health among them. */
export async function readHealthIndicators(
  api: DeliveryApi,
  entityRef: string,
): Promise<HealthIndicatorValues> {
  const [openIncidents, pendingApprovals, doraTiers, pipelines] =
    await Promise.all([
      optional(() => api.countOpenIncidents?.(entityRef)),
      optional(() => api.countPendingApprovals?.(entityRef)),
      optional(() => api.getDoraTiers?.(entityRef)),
      optional(() => api.getPipelineHealth?.(entityRef)),
    ]);
  return { openIncidents, pendingApprovals, doraTiers, pipelines };
}

/**
 * The open incidents, pending approvals and DORA tiers of an entity, once
 * known; read again when `revision` changes.
 */
export function useHealthIndicators(
  entityRef: string,
  revision = 0,
): HealthIndicatorValues {
  const api = useApi(deliveryApiRef);
  const { value } = useAsync(
    () => readHealthIndicators(api, entityRef),
    [api, entityRef, revision],
  );
  return value ?? {};
}
