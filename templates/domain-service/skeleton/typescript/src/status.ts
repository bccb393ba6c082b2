// What the service reports about itself: pure, so the unit tests cover it.

/** The state of the service's upstream dependency. */
export type UpstreamState = 'up' | 'down' | 'none';

/** The service's status as `/api/status` answers it. */
export interface ServiceStatus {
  service: string;
  domain: string;
  version: string;
  status: 'ok' | 'degraded';
  upstream: UpstreamState;
}

/**
 * Whether the service takes traffic: not while it drains for a shutdown. A
 * failing upstream degrades the answers but does not take the service out of
 * rotation, so one failing dependency does not cascade through the domain.
 */
export function isReady(state: { draining: boolean }): boolean {
  return !state.draining;
}

/** The status reported for a given upstream state. */
export function serviceStatus(
  identity: { service: string; domain: string; version: string },
  upstream: UpstreamState,
): ServiceStatus {
  return {
    ...identity,
    status: upstream === 'down' ? 'degraded' : 'ok',
    upstream,
  };
}
