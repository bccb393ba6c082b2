import {
  DeploymentEvent,
  IncidentEvent,
  isNewerStatus,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { Knex } from 'knex';
import { Value, quote, rowsSources, upsert } from './batchStatements';
import { eachChunk } from './chunks';
import { EventIdConflict, storedOwnerConflicts, winners } from './eventBatches';
import { IngestedChanges, StoredDeployment } from './dora/ingestedChanges';
import {
  DEPLOYMENT_COLUMNS,
  INCIDENT_COLUMNS,
  toMillis,
  toOptionalMillis,
} from './rows';

// The columns read, then those only the store keeps (and the times of
// the write, the same for every row, see upsert).
const WRITTEN_DEPLOYMENT_COLUMNS = [...DEPLOYMENT_COLUMNS, 'sort_at'];
const WRITTEN_INCIDENT_COLUMNS = INCIDENT_COLUMNS;

const COMMIT_COLUMNS = [
  'deployment_id',
  'sha',
  'committed_at',
  'message',
  'author',
];

/** What {@link upsertDeployments} changed, for what is derived from it. */
export type UpsertedDeployments = Pick<
  IngestedChanges,
  'replacedCommits' | 'listedCommits'
> & {
  /** The deployments inserted or replaced. */
  changedIds: string[];
  /** Those deployments as stored now. */
  stored: StoredDeployment[];
  /** Of those, the ones stored before (replaced, not inserted). */
  replacedIds: string[];
  /** The events not applied because their id belongs elsewhere. */
  conflicts: EventIdConflict[];
};

/** Upserts deployments and replaces the commits of those that changed. */
export async function upsertDeployments(
  tx: Knex.Transaction,
  events: DeploymentEvent[],
  now: number,
): Promise<UpsertedDeployments> {
  const batch = winners(events, (current, incoming) =>
    isNewerStatus(current.status, incoming.status),
  );
  const deployments = batch.winners;
  if (deployments.length === 0) {
    return {
      changedIds: [],
      stored: [],
      replacedIds: [],
      replacedCommits: [],
      listedCommits: [],
      conflicts: batch.conflicts,
    };
  }

  const upserted = await upsert(tx, {
    table: 'deployments',
    columns: WRITTEN_DEPLOYMENT_COLUMNS,
    keepColumns: ['received_at'],
    revisionColumn: 'revision',
    // An in_progress event never replaces a finished deployment.
    replaceWhen: `excluded."status" <> 'in_progress' OR "deployments"."status" = 'in_progress'`,
    now,
    rows: deployments.map(event => {
      const startedAt = toMillis(event.startedAt);
      const finishedAt = toOptionalMillis(event.finishedAt);
      return [
        event.id,
        event.entityRef,
        event.environment,
        event.version,
        event.commitSha,
        event.status,
        event.trigger,
        startedAt,
        finishedAt,
        event.url ?? null,
        event.actor ?? null,
        finishedAt ?? startedAt,
      ];
    }),
  });
  const changedIds = upserted.map(row => row.id);
  const conflicts = [
    ...batch.conflicts,
    ...(await storedOwnerConflicts(tx, 'deployments', batch, changedIds)),
  ];
  if (changedIds.length === 0) {
    return {
      changedIds,
      stored: [],
      replacedIds: [],
      replacedCommits: [],
      listedCommits: [],
      conflicts,
    };
  }

  // The commits follow the event that won: replace them for replaced rows;
  // an inserted one has none yet.
  const changed = new Set(changedIds);
  const replacedIds = upserted.filter(row => row.replaced).map(row => row.id);
  const replacedCommits: UpsertedDeployments['replacedCommits'] = [];
  await eachChunk(replacedIds, async ids => {
    const result = await tx.raw(
      `DELETE FROM "deployment_commits" WHERE "deployment_id" IN (${ids
        .map(() => '?')
        .join(', ')}) RETURNING "deployment_id", "sha"`,
      ids,
    );
    const removed: Array<{ deployment_id: string; sha: string }> =
      Array.isArray(result) ? result : result.rows;
    replacedCommits.push(
      ...removed.map(row => ({
        deploymentId: row.deployment_id,
        sha: row.sha,
      })),
    );
  });
  const commitRows: Value[][] = [];
  const stored: StoredDeployment[] = [];
  for (const deployment of deployments) {
    if (!changed.has(deployment.id)) {
      continue;
    }
    const listsCommits = (deployment.commits ?? []).length > 0;
    stored.push({
      id: deployment.id,
      entityRef: deployment.entityRef,
      environment: deployment.environment,
      status: deployment.status,
      trigger: deployment.trigger,
      finishedAt: toOptionalMillis(deployment.finishedAt),
      headCommitSha: listsCommits ? null : deployment.commitSha,
    });
    const seen = new Set<string>();
    for (const commit of deployment.commits ?? []) {
      if (!seen.has(commit.sha)) {
        seen.add(commit.sha);
        commitRows.push([
          deployment.id,
          commit.sha,
          toMillis(commit.committedAt),
          commit.message ?? null,
          commit.author ?? null,
        ]);
      }
    }
  }
  // Messages and authors are optional: when no commit of the batch has one,
  // those columns are left to their default, NULL, rather than bound.
  const described = commitRows.some(row => row[3] !== null || row[4] !== null);
  const commitColumns = described ? COMMIT_COLUMNS : COMMIT_COLUMNS.slice(0, 3);
  for (const source of rowsSources(tx, commitColumns, commitRows)) {
    await tx.raw(
      `INSERT INTO "deployment_commits" (${commitColumns
        .map(quote)
        .join(', ')}) SELECT * FROM ${source.sql}`,
      source.bindings,
    );
  }
  const listedCommits = commitRows.map(([deploymentId, sha, committedAt]) => ({
    deploymentId: deploymentId as string,
    sha: sha as string,
    committedAt: committedAt as number,
  }));
  return {
    changedIds,
    stored,
    replacedIds,
    replacedCommits,
    listedCommits,
    conflicts,
  };
}

/** Upserts incidents: the ids of those inserted or replaced, and the conflicts. */
export async function upsertIncidents(
  tx: Knex.Transaction,
  events: IncidentEvent[],
  now: number,
): Promise<{ changedIds: string[]; conflicts: EventIdConflict[] }> {
  const batch = winners(
    events,
    (current, incoming) =>
      incoming.resolvedAt !== undefined || current.resolvedAt === undefined,
  );
  const incidents = batch.winners;
  if (incidents.length === 0) {
    return { changedIds: [], conflicts: batch.conflicts };
  }
  const upserted = await upsert(tx, {
    table: 'incidents',
    columns: WRITTEN_INCIDENT_COLUMNS,
    keepColumns: ['received_at'],
    // Like deployments: an unresolved report never reopens a resolved incident.
    replaceWhen: `excluded."resolved_at" IS NOT NULL OR "incidents"."resolved_at" IS NULL`,
    rows: incidents.map(event => [
      event.id,
      event.entityRef,
      event.environment,
      toMillis(event.openedAt),
      toOptionalMillis(event.resolvedAt),
      event.deploymentId ?? null,
      event.url ?? null,
    ]),
    now,
  });
  const changedIds = upserted.map(row => row.id);
  const conflicts = [
    ...batch.conflicts,
    ...(await storedOwnerConflicts(tx, 'incidents', batch, changedIds)),
  ];
  return { changedIds, conflicts };
}
