import { Knex } from 'knex';
import { deriveCommits } from './deriveCommits';
import {
  DERIVATION_SETTINGS_NAME,
  isDerivedWith,
  settingsValue,
} from './derivationState';
import { DoraDerivationSettings } from './DoraDerivationSettings';
import {
  DERIVATION_LOCK,
  isIn,
  isPostgres,
  rowsOf,
  updateFailures,
  updateIncidentCounts,
} from './doraStatements';
import { eachChunk, inChunks } from '../chunks';
import {
  IngestedChanges,
  Millis,
  ProductionDeploymentBefore,
  StoredDeployment,
} from './ingestedChanges';
import { insertProductionDeployments } from './insertProductionDeployments';
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

// The changed deployments as stored, when the caller does not have them.
async function storedDeployments(
  tx: Knex.Transaction,
  ids: string[],
): Promise<StoredDeployment[]> {
  return inChunks(ids, async chunk => {
    const where = isIn(tx, 'd.id', chunk);
    const rows = rowsOf<{
      id: string;
      entity_ref: string;
      environment: string;
      status: string;
      trigger: string;
      finished_at: Millis | null;
      head_commit_sha: string | null;
    }>(
      await tx.raw(
        `SELECT d.id, d.entity_ref, d.environment, d.status, d.trigger, d.finished_at,
           CASE WHEN EXISTS (
             SELECT 1 FROM deployment_commits c WHERE c.deployment_id = d.id
           ) THEN NULL ELSE d.commit_sha END AS head_commit_sha
         FROM deployments d WHERE ${where.sql}`,
        where.bindings,
      ),
    );
    return rows.map(row => ({
      id: row.id,
      entityRef: row.entity_ref,
      environment: row.environment,
      status: row.status,
      trigger: row.trigger,
      finishedAt: row.finished_at === null ? null : Number(row.finished_at),
      headCommitSha: row.head_commit_sha,
    }));
  });
}

// Every statement of the derivation looks up a bounded set of rows by
// index. Left to itself, PostgreSQL's planner hash-joins them against a
// sequential scan once a table is mid-sized (tens of thousands of rows),
// which costs a scan of the whole table per ingestion.
const INDEX_LOOKUPS_ONLY = `set_config('enable_seqscan', 'off', true),
  set_config('enable_hashjoin', 'off', true),
  set_config('enable_mergejoin', 'off', true)`;

/**
 * Takes the derivation lock (see `lockDerivation`) and sets up the
 * transaction for {@link deriveIngested}; answers whether the DORA tables
 * are derived, completely, with these settings, and whether changes wait in
 * `dora_pending_changes`. One round trip: it is paid by every ingestion.
 */
export async function prepareDerivation(
  tx: Knex.Transaction,
  settings?: DoraDerivationSettings,
): Promise<{ derived: boolean; pending: boolean }> {
  if (!isPostgres(tx)) {
    if (!settings) {
      return { derived: true, pending: false };
    }
    const pending = await tx('dora_pending_changes').first('id');
    return {
      derived: await isDerivedWith(tx, settings),
      pending: pending !== undefined,
    };
  }
  const result = await tx.raw(
    `SELECT pg_advisory_xact_lock(?) AS locked, ${INDEX_LOOKUPS_ONLY},
       (SELECT value FROM dora_settings WHERE name = ?) AS value,
       EXISTS (SELECT 1 FROM dora_pending_changes) AS pending`,
    [DERIVATION_LOCK, DERIVATION_SETTINGS_NAME],
  );
  const [row] = result.rows;
  return {
    derived: settings ? row.value === settingsValue(settings) : true,
    pending: Boolean(row.pending),
  };
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
  options: {
    /** Whether the transaction already ran {@link prepareDerivation}. */
    prepared?: boolean;
  } = {},
): Promise<void> {
  const { deploymentIds, incidentIds } = changes;
  if (deploymentIds.length === 0 && incidentIds.length === 0) {
    return;
  }
  if (!options.prepared) {
    await prepareDerivation(tx);
  }
  const byDeploymentId = (ids: string[]) => isIn(tx, 'd.deployment_id', ids);

  // Where the changed deployments were in the production history (a newly
  // inserted one was nowhere).
  const before = await inChunks(
    changes.replacedDeploymentIds ?? deploymentIds,
    async ids => {
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
    },
  );

  // Which of them are succeeded production deployments now, and where.
  await eachChunk(
    before.map(row => row.deployment_id),
    ids => {
      const where = isIn(tx, 'deployment_id', ids);
      return tx.raw(
        `DELETE FROM dora_deployments WHERE ${where.sql}`,
        where.bindings,
      );
    },
  );
  const production = new Set(settings.productionEnvironments);
  const inserted = (
    changes.storedDeployments ?? (await storedDeployments(tx, deploymentIds))
  ).filter(
    d =>
      production.has(d.environment) &&
      d.status === 'succeeded' &&
      d.finishedAt !== null,
  );
  // Each joins the history with its successor, and the deployment before
  // it, if stored before, gets it as successor.
  const after = await insertProductionDeployments(tx, inserted);

  // The deployments whose successor is now known: the changed ones and
  // those they directly follow. Their old predecessors are looked up again.
  const changed = new Set(deploymentIds);
  const next = new Set<string>();
  for (const row of after) {
    next.add(row.deployment_id);
    if (row.predecessor_id && !changed.has(row.predecessor_id)) {
      next.add(row.predecessor_id);
    }
  }
  const formerPredecessors = unique(
    before.flatMap(row =>
      row.predecessor_id && !next.has(row.predecessor_id)
        ? [row.predecessor_id]
        : [],
    ),
  );
  await eachChunk(formerPredecessors, ids => {
    const where = byDeploymentId(ids);
    const successor = (column: string) => neighbour(column, 'after');
    return tx.raw(
      `UPDATE dora_deployments AS d
       SET next_deployment_id = ${successor('deployment_id')},
         next_finished_at = ${successor('finished_at')},
         next_trigger = ${successor('trigger')}
       WHERE ${where.sql}
         AND (next_deployment_id IS DISTINCT FROM ${successor('deployment_id')}
           OR next_finished_at IS DISTINCT FROM ${successor('finished_at')}
           OR next_trigger IS DISTINCT FROM ${successor('trigger')})`,
      where.bindings,
    );
  });

  // Incidents that name a deployment that was or is in the production
  // history may move; those naming any other still name nothing there.
  const attributionTargets = await reattributeIncidents(tx, settings, {
    incidentIds,
    deploymentIds: unique([
      ...before.map(row => row.deployment_id),
      ...after.map(row => row.deployment_id),
    ]),
    before,
    after,
  });

  // Incident counts where the incidents changed; failure and recovery there
  // and where the successor was looked up again (the others got theirs
  // with their successor).
  const targets = unique(attributionTargets);
  await eachChunk(targets, ids =>
    updateIncidentCounts(tx, isIn(tx, 'deployment_id', ids)),
  );
  await eachChunk(unique([...formerPredecessors, ...targets]), ids =>
    updateFailures(tx, isIn(tx, 'deployment_id', ids)),
  );

  await deriveCommits(tx, { ...changes, before, after });
}
