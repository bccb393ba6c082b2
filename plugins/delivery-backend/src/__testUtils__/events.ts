import {
  DeploymentEvent,
  IncidentEvent,
  PipelineRunEvent,
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

/** A valid, completed and failed pipeline run event with the given fields overridden. */
export function pipelineRunEvent(
  overrides: Partial<PipelineRunEvent> = {},
): PipelineRunEvent {
  return {
    type: 'pipeline_run',
    id: 'gha-run-1-attempt-1',
    entityRef: 'component:default/parking-api',
    workflow: 'parking-api (smart-city)',
    runAttempt: 1,
    status: 'completed',
    conclusion: 'failure',
    branch: 'main',
    defaultBranch: 'main',
    commitSha: 'c1',
    startedAt: '2026-03-02T10:00:00.000Z',
    finishedAt: '2026-03-02T10:06:00.000Z',
    url: 'https://github.com/acme/parking-api/actions/runs/1/attempts/1',
    tests: [
      {
        suite: 'unit',
        passed: 120,
        failed: 1,
        skipped: 2,
        failedTests: ['tariff › rounds up to the next quarter hour'],
      },
      { suite: 'contract', passed: 8, failed: 0, skipped: 0 },
    ],
    ...overrides,
  };
}
