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
  REWORK,
  rowsOf,
  failedAfter,
  failureCauseAfter,
  recoveredAtAfter,
  rowsTable,
  updateFailures,
  updateIncidentCounts,
} from './doraStatements';
import { eachChunk, inChunks } from '../chunks';
import {
  IngestedChanges,
  Millis,
  ProductionDeploymentAfter,
  ProductionDeploymentBefore,
  StoredDeployment,
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

const INSERTED_COLUMNS: Array<{ name: string; type: 'text' | 'bigint' }> = [
  { name: 'deployment_id', type: 'text' },
  { name: 'entity_ref', type: 'text' },
  { name: 'environment', type: 'text' },
  { name: 'finished_at', type: 'bigint' },
  { name: 'trigger', type: 'text' },
  { name: 'head_commit_sha', type: 'text' },
];

const insertedRow = (d: StoredDeployment): Knex.Value[] => [
  d.id,
  d.entityRef,
  d.environment,
  d.finishedAt,
  d.trigger,
  d.headCommitSha,
];

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

interface NextDeployment {
  id: string | null;
  finishedAt: Millis | null;
  trigger: string | null;
}

// Sets the next_ columns of these deployments, and what follows from them;
// writes only those that change.
function setNext(tx: Knex.Transaction, chunk: Array<[string, NextDeployment]>) {
  const rows = rowsTable(
    tx,
    'v',
    [
      { name: 'deployment_id', type: 'text' },
      { name: 'next_deployment_id', type: 'text' },
      { name: 'next_finished_at', type: 'bigint' },
      { name: 'next_trigger', type: 'text' },
    ],
    chunk.map(([id, n]) => [
      id,
      n.id,
      n.finishedAt === null ? null : Number(n.finishedAt),
      n.trigger,
    ]),
  );
  // Failure and recovery follow from the new successor (and the incident
  // counts, which do not change here), in the same write.
  return tx.raw(
    `UPDATE dora_deployments
     SET next_deployment_id = v.next_deployment_id,
       next_finished_at = v.next_finished_at,
       next_trigger = v.next_trigger,
       failed = ${failedAfter('v.next_trigger')},
       failure_cause = ${failureCauseAfter('v.next_trigger')},
       recovered_at = ${recoveredAtAfter(
         'v.next_trigger',
         'v.next_finished_at',
       )}
     FROM ${rows.sql}
     WHERE dora_deployments.deployment_id = v.deployment_id
       AND (dora_deployments.next_deployment_id IS DISTINCT FROM v.next_deployment_id
         OR dora_deployments.next_finished_at IS DISTINCT FROM v.next_finished_at
         OR dora_deployments.next_trigger IS DISTINCT FROM v.next_trigger)`,
    rows.bindings,
  );
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
  // Each with the successor it has among the deployments stored before, and
  // the failure that follows from it (it has no incidents yet): usually
  // right, so that few are written again below.
  await eachChunk(inserted, chunk => {
    const rows = rowsTable(tx, 'd', INSERTED_COLUMNS, chunk.map(insertedRow));
    return tx.raw(
      `INSERT INTO dora_deployments (deployment_id, entity_ref, environment, finished_at, trigger,
         head_commit_sha, next_deployment_id, next_finished_at, next_trigger,
         failed, failure_cause, recovered_at)
       SELECT x.*,
         CASE WHEN x.next_trigger IN ${REWORK} THEN 1 ELSE 0 END,
         CASE WHEN x.next_trigger IN ${REWORK} THEN x.next_trigger END,
         CASE WHEN x.next_trigger IN ${REWORK} THEN x.next_finished_at END
       FROM (
         SELECT d.deployment_id, d.entity_ref, d.environment, d.finished_at, d.trigger, d.head_commit_sha,
           ${neighbour('deployment_id', 'after')} AS next_deployment_id,
           ${neighbour('finished_at', 'after')} AS next_finished_at,
           ${neighbour('trigger', 'after')} AS next_trigger
         FROM ${rows.sql}
       ) x`,
      rows.bindings,
    );
  });
  const after = await inChunks(
    inserted.map(d => d.id),
    async ids => {
      const where = byDeploymentId(ids);
      return rowsOf<ProductionDeploymentAfter>(
        await tx.raw(
          `SELECT d.deployment_id, d.entity_ref, d.environment, d.finished_at, d.trigger, d.head_commit_sha,
           ${neighbour('deployment_id', 'before')} AS predecessor_id,
           ${neighbour('finished_at', 'before')} AS predecessor_finished_at,
           ${neighbour('deployment_id', 'after')} AS successor_id,
           ${neighbour('finished_at', 'after')} AS successor_finished_at,
           ${neighbour('trigger', 'after')} AS successor_trigger
         FROM dora_deployments d WHERE ${where.sql}`,
          where.bindings,
        ),
      );
    },
  );

  // Successors. Of each changed deployment: found above. Of its new
  // predecessor, unless that changed too: the changed deployment, the only
  // one right after it. Of its old predecessors: looked up again.
  const changed = new Set(deploymentIds);
  const next = new Map<string, NextDeployment>();
  for (const row of after) {
    next.set(row.deployment_id, {
      id: row.successor_id,
      finishedAt: row.successor_finished_at,
      trigger: row.successor_trigger,
    });
  }
  for (const row of after) {
    if (row.predecessor_id && !changed.has(row.predecessor_id)) {
      next.set(row.predecessor_id, {
        id: row.deployment_id,
        finishedAt: row.finished_at,
        trigger: row.trigger,
      });
    }
  }
  await eachChunk([...next], chunk => setNext(tx, chunk));
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
  // and where the successor was looked up again (setNext did the others).
  const targets = unique(attributionTargets);
  await eachChunk(targets, ids =>
    updateIncidentCounts(tx, isIn(tx, 'deployment_id', ids)),
  );
  await eachChunk(unique([...formerPredecessors, ...targets]), ids =>
    updateFailures(tx, isIn(tx, 'deployment_id', ids)),
  );

  await deriveCommits(tx, { ...changes, before, after });
}
