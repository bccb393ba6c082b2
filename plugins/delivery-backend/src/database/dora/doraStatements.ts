import { Knex } from 'knex';
import { DoraDerivationSettings } from './DoraDerivationSettings';

// The statements that derive one part of the DORA tables for a given set of
// rows; both the incremental path (deriveIngested.ts) and the full rebuild
// (rebuildDoraTables.ts) use them. Plain SQL that PostgreSQL and SQLite
// (≥ 3.35) both run: row values, window functions, correlated subqueries.

/** A `?, ?, …` list of `count` placeholders. */
export const placeholders = (count: number) =>
  Array.from({ length: count }, () => '?').join(', ');

/** Rows as returned by `knex.raw`: pg answers a result, SQLite an array. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/** Whether the connection is PostgreSQL. */
export function isPostgres(knex: Knex): boolean {
  return knex.client.config.client === 'pg';
}

// An arbitrary constant: the key of the advisory lock around DORA derivation.
const DERIVATION_LOCK = 7_358_114_021;

/**
 * Serialises DORA derivation across transactions and replicas until the
 * transaction ends. Every derivation reads what it derives from after taking
 * the lock, so it sees what earlier ones committed. (SQLite allows one
 * writer at a time anyway.)
 */
export async function lockDerivation(tx: Knex.Transaction): Promise<void> {
  if (isPostgres(tx)) {
    await tx.raw('SELECT pg_advisory_xact_lock(?)', [DERIVATION_LOCK]);
  }
}

// A deployment fails when the next one rolls back or hot-fixes it.
const REWORK = `('rollback', 'hotfix')`;

/**
 * Attributes the production incidents matching `where` (over `incidents i`)
 * to a deployment and stores them in `dora_incidents`, which must not hold
 * them yet: the deployment an incident names, when that is a succeeded
 * production deployment; else, for an incident naming none, the entity's
 * last production deployment that finished before it opened, if the next
 * one finished after it opened and the incident opened within the
 * attribution window. Needs up-to-date next_ columns.
 */
export async function insertIncidentAttributions(
  tx: Knex.Transaction,
  settings: DoraDerivationSettings,
  where: { sql: string; bindings: readonly Knex.Value[] },
): Promise<void> {
  const environments = settings.productionEnvironments;
  if (environments.length === 0) {
    return;
  }
  await tx.raw(
    `INSERT INTO dora_incidents (incident_id, entity_ref, opened_at, resolved_at, deployment_id)
     SELECT i.id, i.entity_ref, i.opened_at, i.resolved_at,
       CASE WHEN i.deployment_id IS NOT NULL THEN (
         SELECT d.deployment_id FROM dora_deployments d WHERE d.deployment_id = i.deployment_id
       ) ELSE (
         SELECT d.deployment_id FROM dora_deployments d
         WHERE d.entity_ref = i.entity_ref
           AND d.finished_at < i.opened_at
           AND d.finished_at >= i.opened_at - ?
           AND (d.next_finished_at IS NULL OR d.next_finished_at > i.opened_at)
         ORDER BY d.finished_at DESC, d.deployment_id DESC
         LIMIT 1
       ) END
     FROM incidents i
     WHERE i.environment IN (${placeholders(environments.length)})
       AND ${where.sql}`,
    [settings.incidentAttributionWindowMs, ...environments, ...where.bindings],
  );
}

/**
 * Recomputes the incidents, failure and recovery of the deployments matching
 * `where` (over `dora_deployments`) from `dora_incidents` and their next_
 * columns.
 */
export async function updateFailures(
  tx: Knex.Transaction,
  where: { sql: string; bindings: readonly Knex.Value[] },
): Promise<void> {
  await tx.raw(
    `UPDATE dora_deployments
     SET (incident_count, open_incident_count, incidents_resolved_at) = (
       SELECT count(*),
         coalesce(sum(CASE WHEN x.resolved_at IS NULL THEN 1 ELSE 0 END), 0),
         max(x.resolved_at)
       FROM dora_incidents x
       WHERE x.deployment_id = dora_deployments.deployment_id
     )
     WHERE ${where.sql}`,
    where.bindings,
  );
  // Recovery: to the latest resolution of its incidents (open while any is
  // unresolved); without incidents, to the rollback or hotfix after it.
  await tx.raw(
    `UPDATE dora_deployments SET
       failed = CASE WHEN incident_count > 0 OR next_trigger IN ${REWORK} THEN 1 ELSE 0 END,
       failure_cause = CASE WHEN incident_count > 0 THEN 'incident'
         WHEN next_trigger IN ${REWORK} THEN next_trigger END,
       recovered_at = CASE
         WHEN incident_count > 0 THEN
           CASE WHEN open_incident_count = 0 THEN incidents_resolved_at END
         WHEN next_trigger IN ${REWORK} THEN next_finished_at END
     WHERE ${where.sql}`,
    where.bindings,
  );
}

/**
 * Updates the commit times of these shas: the earliest time any stored event
 * gives for the sha (a commit time is the same whichever deployment lists it).
 */
export async function updateCommitTimes(
  tx: Knex.Transaction,
  shas: string[],
): Promise<void> {
  if (shas.length === 0) {
    return;
  }
  await tx.raw(
    `UPDATE dora_commits SET committed_at = (
       SELECT min(c.committed_at) FROM deployment_commits c WHERE c.sha = dora_commits.sha
     )
     WHERE sha IN (${placeholders(shas.length)})`,
    shas,
  );
}

/**
 * Inserts into `dora_commits`, for each entity and sha among `brought` (a
 * query of `(entity_ref, sha, deployment_id, finished_at)`: the commits
 * production deployments brought), the first production deployment that
 * brought it, by `finished_at` then id, and the commit's time.
 */
export async function insertFirstDeployments(
  tx: Knex.Transaction,
  brought: { sql: string; bindings: readonly Knex.Value[] },
): Promise<void> {
  await tx.raw(
    `INSERT INTO dora_commits (entity_ref, sha, first_deployment_id, first_finished_at, committed_at)
     SELECT ranked.entity_ref, ranked.sha, ranked.deployment_id, ranked.finished_at,
       (SELECT min(t.committed_at) FROM deployment_commits t WHERE t.sha = ranked.sha)
     FROM (
       SELECT b.entity_ref, b.sha, b.deployment_id, b.finished_at,
         row_number() OVER (
           PARTITION BY b.entity_ref, b.sha ORDER BY b.finished_at, b.deployment_id
         ) AS position
       FROM (${brought.sql}) b
     ) ranked
     WHERE ranked.position = 1`,
    brought.bindings,
  );
}
