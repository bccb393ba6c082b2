import { Knex } from 'knex';
import { deriveCommits } from './deriveCommits';
import { DoraDerivationSettings } from './DoraDerivationSettings';
import {
  isIn,
  isPostgres,
  lockDerivation,
  rowsOf,
  updateFailures,
  updateIncidentCounts,
} from './doraStatements';
import { eachChunk, inChunks } from '../chunks';
import {
  IngestedChanges,
  ProductionDeploymentAfter,
  ProductionDeploymentBefore,
} from './ingestedChanges';
import { reattributeIncidents } from './reattributeIncidents';

const unique = <T>(values: Iterable<T>) => [...new Set(values)];

// The nearest production deployment of the same entity in the same
// environment before or after `d`, by finished_at then id: one index probe.
function neighbour(column: string, side: 'before' | 'after'): string {
  const [compare, order] = side === 'before' ? ['<', 'DESC'] : ['>', 'ASC'];
  return `(SELECT p.${column} FROM dora_deployments p
    WHERE p.entity_ref = d.entity_ref AND p.environment = d.environment
      AND (p.finished_at, p.deployment_id) ${compare} (d.finished_at, d.deployment_id)
    ORDER BY p.finished_at ${order}, p.deployment_id ${order}
    LIMIT 1)`;
}

/**
 * Brings the DORA tables up to date with one ingestion, in its transaction:
 * recomputes only what the changed deployments and incidents can affect,
 * from the raw tables as they are now, whatever order events arrive in.
 *
 * - A deployment that joins, leaves or moves in an entity's history in its
 *   production environment changes the successor of its old and new predecessors, and the
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
  const { deploymentIds, incidentIds } = changes;
  if (deploymentIds.length === 0 && incidentIds.length === 0) {
    return;
  }
  await lockDerivation(tx);
  if (isPostgres(tx)) {
    // Every statement below looks up a bounded set of rows by index. Left to
    // itself, the planner hash-joins them against a sequential scan once a
    // table is mid-sized (tens of thousands of rows), which costs a scan of
    // the whole table per ingestion.
    await tx.raw('SET LOCAL enable_seqscan = off');
    await tx.raw('SET LOCAL enable_hashjoin = off');
    await tx.raw('SET LOCAL enable_mergejoin = off');
  }
  const environments = settings.productionEnvironments;
  const byDeploymentId = (ids: string[]) => isIn(tx, 'd.deployment_id', ids);

  // Where the changed deployments were in the production history.
  const before = await inChunks(deploymentIds, async ids => {
    const where = byDeploymentId(ids);
    return rowsOf<ProductionDeploymentBefore>(
      await tx.raw(
        `SELECT d.deployment_id, d.entity_ref, d.environment, d.head_commit_sha, d.next_finished_at,
           ${neighbour('deployment_id', 'before')} AS predecessor_id,
           ${neighbour('finished_at', 'before')} AS predecessor_finished_at
         FROM dora_deployments d WHERE ${where.sql}`,
        where.bindings,
      ),
    );
  });

  // Which of them are succeeded production deployments now, and where.
  await eachChunk(deploymentIds, ids => {
    const where = isIn(tx, 'deployment_id', ids);
    return tx.raw(`DELETE FROM dora_deployments WHERE ${where.sql}`, [
      ...where.bindings,
    ]);
  });
  if (environments.length > 0) {
    await eachChunk(deploymentIds, ids => {
      const where = isIn(tx, 'd.id', ids);
      const production = isIn(tx, 'd.environment', environments);
      return tx.raw(
        `INSERT INTO dora_deployments (deployment_id, entity_ref, environment, finished_at, trigger, head_commit_sha)
         SELECT d.id, d.entity_ref, d.environment, d.finished_at, d.trigger,
           CASE WHEN EXISTS (
             SELECT 1 FROM deployment_commits c WHERE c.deployment_id = d.id
           ) THEN NULL ELSE d.commit_sha END
         FROM deployments d
         WHERE ${where.sql} AND ${production.sql}
           AND d.status = 'succeeded' AND d.finished_at IS NOT NULL`,
        [...where.bindings, ...production.bindings],
      );
    });
  }
  const after = await inChunks(deploymentIds, async ids => {
    const where = byDeploymentId(ids);
    return rowsOf<ProductionDeploymentAfter>(
      await tx.raw(
        `SELECT d.deployment_id, d.entity_ref, d.environment, d.head_commit_sha,
           ${neighbour('deployment_id', 'before')} AS predecessor_id,
           ${neighbour('finished_at', 'before')} AS predecessor_finished_at,
           ${neighbour('finished_at', 'after')} AS successor_finished_at
         FROM dora_deployments d WHERE ${where.sql}`,
        where.bindings,
      ),
    );
  });

  // Successors: of the old and new predecessors, and of the changed ones.
  const successorChanged = unique(
    [...before, ...after].flatMap(row =>
      row.predecessor_id ? [row.predecessor_id] : [],
    ),
  ).concat(after.map(row => row.deployment_id));
  await eachChunk(unique(successorChanged), ids => {
    const where = byDeploymentId(ids);
    const next = (column: string) => neighbour(column, 'after');
    return tx.raw(
      `UPDATE dora_deployments AS d
       SET next_deployment_id = ${next('deployment_id')},
         next_finished_at = ${next('finished_at')},
         next_trigger = ${next('trigger')}
       WHERE ${where.sql}
         AND (next_deployment_id IS DISTINCT FROM ${next('deployment_id')}
           OR next_finished_at IS DISTINCT FROM ${next('finished_at')}
           OR next_trigger IS DISTINCT FROM ${next('trigger')})`,
      where.bindings,
    );
  });

  const attributionTargets = await reattributeIncidents(tx, settings, {
    incidentIds,
    deploymentIds,
    before,
    after,
  });

  // Incident counts where the incidents changed; failure and recovery also
  // where the successor changed.
  const targets = unique(attributionTargets);
  await eachChunk(targets, ids =>
    updateIncidentCounts(tx, isIn(tx, 'deployment_id', ids)),
  );
  await eachChunk(unique([...successorChanged, ...targets]), ids =>
    updateFailures(tx, isIn(tx, 'deployment_id', ids)),
  );

  await deriveCommits(tx, { ...changes, before, after });
}
