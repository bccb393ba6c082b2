import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { DeliveryApi, deliveryApiRef } from '../../../api';
import { HealthSignalValues } from './HealthSignals';

async function optional<T>(
  read: () => Promise<T | undefined> | undefined,
): Promise<T | undefined> {
  try {
    return await read();
  } catch {
    // A signal that fails to load shows as not available, like a missing one.
    return undefined;
  }
}

/** Reads the signals the API offers for an entity (a component or a domain). */
export async function readHealthSignals(
  api: DeliveryApi,
  entityRef: string,
): Promise<HealthSignalValues> {
  const [openIncidents, pendingApprovals, doraTiers] = await Promise.all([
    optional(() => api.countOpenIncidents?.(entityRef)),
    optional(() => api.countPendingApprovals?.(entityRef)),
    optional(() => api.getDoraTiers?.(entityRef)),
  ]);
  return { openIncidents, pendingApprovals, doraTiers };
}

/**
 * The open incidents, pending approvals and DORA tiers of an entity, once
 * known; read again when `revision` changes.
 */
export function useHealthSignals(
  entityRef: string,
  revision = 0,
): HealthSignalValues {
  const api = useApi(deliveryApiRef);
  const { value } = useAsync(
    () => readHealthSignals(api, entityRef),
    [api, entityRef, revision],
  );
  return value ?? {};
}
