import { DeploymentEvent } from '@domain-delivery/backstage-plugin-delivery-common';

const ENVIRONMENTS = ['dev', 'staging', 'prod'];
const DAY = 24 * 60 * 60 * 1000;

function sha(n: number): string {
  return n.toString(16).padStart(40, '0');
}

/**
 * A deterministic stream of valid deployment events with two commits each, spread over 200
 * entities and the last 90 days, in batches.
 */
export function* eventBatches(
  total: number,
  batchSize: number,
): Generator<DeploymentEvent[]> {
  const start = Date.UTC(2026, 7, 1);
  for (let first = 0; first < total; first += batchSize) {
    const batch: DeploymentEvent[] = [];
    for (let i = first; i < Math.min(total, first + batchSize); i++) {
      const startedAt = start + Math.floor((i / total) * 90 * DAY);
      batch.push({
        type: 'deployment',
        id: `bench-${i}`,
        entityRef: `component:default/service-${i % 200}`,
        environment: ENVIRONMENTS[i % ENVIRONMENTS.length],
        version: `1.${Math.floor(i / 600)}.${i % 600}`,
        commitSha: sha(2 * i + 1),
        commits: [
          {
            sha: sha(2 * i),
            committedAt: new Date(startedAt - 7200_000).toISOString(),
          },
          {
            sha: sha(2 * i + 1),
            committedAt: new Date(startedAt - 3600_000).toISOString(),
          },
        ],
        status: i % 25 === 0 ? 'failed' : 'succeeded',
        trigger: 'pipeline',
        startedAt: new Date(startedAt).toISOString(),
        finishedAt: new Date(startedAt + 240_000).toISOString(),
        url: `https://ci.example.com/runs/${i}`,
        actor: 'user:default/engineer',
      });
    }
    yield batch;
  }
}

/** The rows a raw insert writes for a batch: the same tables and columns the store fills. */
export function rawRows(batch: DeploymentEvent[], now: number) {
  const deployments = batch.map(event => {
    const startedAt = Date.parse(event.startedAt);
    const finishedAt = Date.parse(event.finishedAt!);
    return {
      id: event.id,
      entity_ref: event.entityRef,
      environment: event.environment,
      version: event.version,
      commit_sha: event.commitSha,
      status: event.status,
      trigger: event.trigger,
      started_at: startedAt,
      finished_at: finishedAt,
      sort_at: finishedAt,
      url: event.url ?? null,
      actor: event.actor ?? null,
      received_at: now,
      updated_at: now,
    };
  });
  const commits = batch.flatMap(event =>
    (event.commits ?? []).map(commit => ({
      deployment_id: event.id,
      sha: commit.sha,
      committed_at: Date.parse(commit.committedAt),
    })),
  );
  return { deployments, commits };
}
