import {
  DeploymentEvent,
  IncidentEvent,
} from '@domain-delivery/backstage-plugin-delivery-common';

/** A valid, succeeded deployment event with the given fields overridden. */
export function deploymentEvent(
  overrides: Partial<DeploymentEvent> = {},
): DeploymentEvent {
  return {
    type: 'deployment',
    id: 'run-1-dev',
    entityRef: 'component:default/parking-api',
    environment: 'dev',
    version: '1.0.0',
    commitSha: 'c1',
    commits: [{ sha: 'c1', committedAt: '2026-03-02T10:00:00.000Z' }],
    status: 'succeeded',
    trigger: 'pipeline',
    startedAt: '2026-03-02T11:00:00.000Z',
    finishedAt: '2026-03-02T11:04:00.000Z',
    url: 'https://ci.example.com/runs/1',
    actor: 'user:default/jdoe',
    ...overrides,
  };
}

/** A valid, resolved incident event with the given fields overridden. */
export function incidentEvent(
  overrides: Partial<IncidentEvent> = {},
): IncidentEvent {
  return {
    type: 'incident',
    id: 'pd-1',
    entityRef: 'component:default/parking-api',
    environment: 'prod',
    openedAt: '2026-03-02T12:00:00.000Z',
    resolvedAt: '2026-03-02T12:40:00.000Z',
    ...overrides,
  };
}

/** An ISO 8601 timestamp `minutes` after 2026-03-02T00:00Z. */
export function minutesIn(minutes: number): string {
  return new Date(Date.UTC(2026, 2, 2, 0, minutes)).toISOString();
}
