import { Knex } from 'knex';
import { DoraDerivationSettings } from './DoraDerivationSettings';
import { deriveCommits } from './deriveCommits';
import {
  insertIncidentAttributions,
  lockDerivation,
  placeholders,
  rowsOf,
  updateFailures,
} from './doraStatements';
import { inChunks } from './inChunks';

/** What one ingestion changed in the raw tables. */
export interface IngestedChanges {
  /** The deployments inserted or replaced. */
  deploymentIds: string[];
  /** The commits that replaced deployments listed before they were replaced. */
  replacedCommits: Array<{ deploymentId: string; sha: string }>;
  /** The incidents inserted or replaced. */
  incidentIds: string[];
}

type Millis = number | string;

/** A changed deployment's row in the production history before the change. */
export interface ProductionDeploymentBefore {
  deployment_id: string;
  entity_ref: string;
  next_finished_at: Millis | null;
  head_commit_sha: string | null;
}

/** A changed deployment's row in the production history after the change. */
export interface ProductionDeploymentAfter {
  deployment_id: string;
  entity_ref: string;
  head_commit_sha: string | null;
  predecessor_id: string | null;
  predecessor_finished_at: Millis | null;
}

/** An inclusive span of `opened_at` of one entity's incidents. */
interface OpenedSpan {
  entityRef: string;
  from: number;
  to: number;
}

const unique = <T>(values: Iterable<T>) => [...new Set(values)];

const millis = (value: Millis | null) =>
  value === null || value === undefined ? undefined : Number(value);

// Overlapping spans of the same entity become one, so that a batch of one
// entity's history reads its incidents once.
function mergeSpans(spans: OpenedSpan[]): OpenedSpan[] {
  const sorted = [...spans].sort((a, b) =>
    a.entityRef === b.entityRef
      ? a.from - b.from
      : Number(a.entityRef > b.entityRef) - Number(a.entityRef < b.entityRef),
  );
  const merged: OpenedSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.entityRef === span.entityRef && span.from <= last.to) {
      last.to = Math.max(last.to, span.to);
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/**
 * Brings the DORA tables up to date with one ingestion, in its transaction:
 * recomputes only what the changed deployments and incidents can affect,
 * from the raw tables as they are now, whatever order events arrive in.
 *
 * - A deployment that joins, leaves or moves in an entity's production
 *   history changes the successor of its old and new predecessors, and the
 *   attribution of the incidents that name it or that opened between its
 *   old or new neighbours.
 * - A changed incident changes the failure of the deployment it was
 *   attributed to and of the one it is attributed to now.
 * - The first production deployment of a commit is recomputed for the
 *   commits a changed deployment brings or brought; the commit time for
 *   every sha a changed deployment lists or listed.
 */
export async function deriveIngested(
  tx: Knex.Transaction,
  settings: DoraDerivationSettings,
  changes: IngestedChanges,
): Promise<void> {
  const { deploymentIds, replacedCommits, incidentIds } = changes;
  if (deploymentIds.length === 0 && incidentIds.length === 0) {
    return;
  }
  await lockDerivation(tx);
  const environments = settings.productionEnvironments;

  // What the production history looked like around the changed deployments.
  const before = await inChunks<string, ProductionDeploymentBefore>(
    deploymentIds,
    ids =>
      tx('dora_deployments')
        .select(
          'deployment_id',
          'entity_ref',
          'next_finished_at',
          'head_commit_sha',
        )
        .whereIn('deployment_id', ids),
  );
  const predecessorsBefore = await inChunks<
    string,
    { deployment_id: string; finished_at: Millis; next_deployment_id: string }
  >(deploymentIds, ids =>
    tx('dora_deployments')
      .select('deployment_id', 'finished_at', 'next_deployment_id')
      .whereIn('next_deployment_id', ids),
  );

  // Which of them are succeeded production deployments now.
  await inChunks(deploymentIds, ids =>
    tx('dora_deployments').whereIn('deployment_id', ids).delete(),
  );
  if (environments.length > 0) {
    await inChunks(deploymentIds, ids =>
      tx.raw(
        `INSERT INTO dora_deployments (deployment_id, entity_ref, finished_at, trigger, head_commit_sha)
         SELECT d.id, d.entity_ref, d.finished_at, d.trigger,
           CASE WHEN EXISTS (
             SELECT 1 FROM deployment_commits c WHERE c.deployment_id = d.id
           ) THEN NULL ELSE d.commit_sha END
         FROM deployments d
         WHERE d.id IN (${placeholders(ids.length)})
           AND d.status = 'succeeded'
           AND d.finished_at IS NOT NULL
           AND d.environment IN (${placeholders(environments.length)})`,
        [...ids, ...environments],
      ),
    );
  }
  const predecessor = (column: string) =>
    `(SELECT p.${column} FROM dora_deployments p
      WHERE p.entity_ref = d.entity_ref
        AND (p.finished_at, p.deployment_id) < (d.finished_at, d.deployment_id)
      ORDER BY p.finished_at DESC, p.deployment_id DESC
      LIMIT 1)`;
  const after = await inChunks<string, ProductionDeploymentAfter>(
    deploymentIds,
    async ids =>
      rowsOf<ProductionDeploymentAfter>(
        await tx.raw(
          `SELECT d.deployment_id, d.entity_ref, d.head_commit_sha,
             ${predecessor('deployment_id')} AS predecessor_id,
             ${predecessor('finished_at')} AS predecessor_finished_at
           FROM dora_deployments d
           WHERE d.deployment_id IN (${placeholders(ids.length)})`,
          ids,
        ),
      ),
  );

  // Successors: of the old and new predecessors, and of the changed ones.
  const successorChanged = unique([
    ...predecessorsBefore.map(row => row.deployment_id),
    ...after.map(row => row.deployment_id),
    ...after.flatMap(row => (row.predecessor_id ? [row.predecessor_id] : [])),
  ]);
  await inChunks(successorChanged, ids =>
    tx.raw(
      `UPDATE dora_deployments
       SET (next_deployment_id, next_finished_at, next_trigger) = (
         SELECT n.deployment_id, n.finished_at, n.trigger FROM dora_deployments n
         WHERE n.entity_ref = dora_deployments.entity_ref
           AND (n.finished_at, n.deployment_id) > (dora_deployments.finished_at, dora_deployments.deployment_id)
         ORDER BY n.finished_at, n.deployment_id
         LIMIT 1
       )
       WHERE deployment_id IN (${placeholders(ids.length)})`,
      ids,
    ),
  );
  const nextFinishedAfter = new Map(
    (
      await inChunks<string, { deployment_id: string; next_finished_at: Millis | null }>(
        after.map(row => row.deployment_id),
        ids =>
          tx('dora_deployments')
            .select('deployment_id', 'next_finished_at')
            .whereIn('deployment_id', ids),
      )
    ).map(row => [row.deployment_id, millis(row.next_finished_at)]),
  );

  // Incidents that name no deployment and opened between the old or the new
  // neighbours of a changed deployment may be attributed differently now.
  const predecessorFinishedBefore = new Map(
    predecessorsBefore.map(row => [
      row.next_deployment_id,
      millis(row.finished_at),
    ]),
  );
  const spans = mergeSpans([
    ...before.map(row => ({
      entityRef: row.entity_ref,
      from: predecessorFinishedBefore.get(row.deployment_id) ?? -Infinity,
      to: millis(row.next_finished_at) ?? Infinity,
    })),
    ...after.map(row => ({
      entityRef: row.entity_ref,
      from: millis(row.predecessor_finished_at) ?? -Infinity,
      to: nextFinishedAfter.get(row.deployment_id) ?? Infinity,
    })),
  ]);
  const reattributed = new Set(incidentIds);
  const naming = await inChunks<string, { id: string }>(deploymentIds, ids =>
    tx('incidents').select('id').whereIn('deployment_id', ids),
  );
  naming.forEach(row => reattributed.add(row.id));
  if (environments.length > 0) {
    for (const span of spans) {
      const query = tx('incidents')
        .select('id')
        .where('entity_ref', span.entityRef)
        .whereIn('environment', environments)
        .whereNull('deployment_id');
      if (span.from !== -Infinity) {
        query.where('opened_at', '>=', span.from);
      }
      if (span.to !== Infinity) {
        query.where('opened_at', '<=', span.to);
      }
      (await query).forEach(row => reattributed.add(row.id));
    }
  }

  const attributedTo = (ids: string[]) =>
    tx('dora_incidents')
      .select('deployment_id')
      .whereIn('incident_id', ids)
      .whereNotNull('deployment_id');
  const reattributedIds = [...reattributed];
  const targetsBefore = await inChunks<string, { deployment_id: string }>(
    reattributedIds,
    attributedTo,
  );
  await inChunks(reattributedIds, ids =>
    tx('dora_incidents').whereIn('incident_id', ids).delete(),
  );
  await inChunks(reattributedIds, ids =>
    insertIncidentAttributions(tx, settings, {
      sql: `i.id IN (${placeholders(ids.length)})`,
      bindings: ids,
    }),
  );
  const targetsAfter = await inChunks<string, { deployment_id: string }>(
    reattributedIds,
    attributedTo,
  );

  // Failure and recovery, wherever the successor or the incidents changed.
  const failureChanged = unique([
    ...successorChanged,
    ...targetsBefore.map(row => row.deployment_id),
    ...targetsAfter.map(row => row.deployment_id),
  ]);
  await inChunks(failureChanged, ids =>
    updateFailures(tx, {
      sql: `deployment_id IN (${placeholders(ids.length)})`,
      bindings: ids,
    }),
  );

  await deriveCommits(tx, { deploymentIds, replacedCommits, before, after });
}
