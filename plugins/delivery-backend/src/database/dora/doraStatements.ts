import { Knex } from 'knex';
import { arrayParameter } from '../arrayParameter';
import { DoraDerivationSettings } from './DoraDerivationSettings';

// The statements that derive one part of the DORA tables for a given set of
// rows (those of dora_commits are in commitStatements.ts); both the
// incremental path (deriveIngested.ts) and the full rebuild
// (rebuildDoraTables.ts) use them. Plain SQL that PostgreSQL and SQLite
// (≥ 3.39) both run: row values, window functions, correlated subqueries,
// UPDATE ... FROM, IS DISTINCT FROM.

/** A `?, ?, …` list of `count` placeholders. */
export const placeholders = (count: number) =>
  Array.from({ length: count }, () => '?').join(', ');

/** Rows as returned by `knex.raw`: pg answers a result, SQLite an array. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result)
    ? (result as T[])
    : (result as { rows: T[] }).rows;
}

/** Whether the connection is PostgreSQL. */
export function isPostgres(knex: Knex): boolean {
  return knex.client.config.client === 'pg';
}

/** An SQL fragment and its bindings. */
export interface SqlPart {
  sql: string;
  bindings: Knex.Value[];
}

/**
 * `column IN (values)`: one array parameter on PostgreSQL (`= ANY(?)`),
 * which parses and plans much faster than a thousand placeholders.
 */
export function isIn(
  knex: Knex,
  column: string,
  values: readonly Knex.Value[],
): SqlPart {
  return isPostgres(knex)
    ? { sql: `${column} = ANY(?)`, bindings: [values as Knex.Value] }
    : {
        sql: `${column} IN (${placeholders(values.length)})`,
        bindings: [...values],
      };
}

/**
 * A derived table `alias(columns…)` holding `rows`, for joins: `unnest` of
 * one array per column on PostgreSQL, `VALUES` on SQLite.
 */
export function rowsTable(
  knex: Knex,
  alias: string,
  columns: Array<{ name: string; type: 'text' | 'bigint' }>,
  rows: Knex.Value[][],
): SqlPart {
  if (isPostgres(knex)) {
    return {
      sql: `unnest(${columns
        .map(column => `?::${column.type}[]`)
        .join(', ')}) AS ${alias}(${columns.map(c => c.name).join(', ')})`,
      // One array per column, each bound as a single parameter.
      bindings: columns.map((column, index) =>
        arrayParameter(
          rows.map(row => row[index]),
          column.type,
        ),
      ),
    };
  }
  const names = columns
    .map((column, index) => `column${index + 1} AS ${column.name}`)
    .join(', ');
  const row = `(${placeholders(columns.length)})`;
  return {
    sql: `(SELECT ${names} FROM (VALUES ${rows
      .map(() => row)
      .join(', ')})) AS ${alias}`,
    bindings: rows.flat(),
  };
}

/** An arbitrary constant: the key of the advisory lock around DORA derivation. */
export const DERIVATION_LOCK = 7_358_114_021;

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

/** The triggers of rework: a deployment fails when the next one has one. */
export const REWORK = `('rollback', 'hotfix')`;

/**
 * Attributes the production incidents matching `where` (over `incidents i`)
 * to a deployment and stores them in `dora_incidents`, which must not hold
 * them yet: the deployment an incident names, when that is a succeeded
 * production deployment; else, for an incident naming none, the entity's
 * last deployment in the incident's environment that finished before it
 * opened, if the next one there finished after it opened and the incident
 * opened within the attribution window. Needs up-to-date next_ columns.
 */
export async function insertIncidentAttributions(
  tx: Knex.Transaction,
  settings: DoraDerivationSettings,
  where: SqlPart,
): Promise<void> {
  const environments = settings.productionEnvironments;
  if (environments.length === 0) {
    return;
  }
  const production = isIn(tx, 'i.environment', environments);
  await tx.raw(
    `INSERT INTO dora_incidents (incident_id, entity_ref, opened_at, resolved_at, deployment_id)
     SELECT i.id, i.entity_ref, i.opened_at, i.resolved_at,
       CASE WHEN i.deployment_id IS NOT NULL THEN (
         SELECT d.deployment_id FROM dora_deployments d WHERE d.deployment_id = i.deployment_id
       ) ELSE (
         SELECT d.deployment_id FROM dora_deployments d
         WHERE d.entity_ref = i.entity_ref
           AND d.environment = i.environment
           AND d.finished_at < i.opened_at
           AND d.finished_at >= i.opened_at - ?
           AND (d.next_finished_at IS NULL OR d.next_finished_at > i.opened_at)
         ORDER BY d.finished_at DESC, d.deployment_id DESC
         LIMIT 1
       ) END
     FROM incidents i
     WHERE ${production.sql} AND ${where.sql}`,
    [
      settings.incidentAttributionWindowMs,
      ...production.bindings,
      ...where.bindings,
    ],
  );
}

/**
 * Recounts the incidents attributed to the deployments matching `where`
 * (over `dora_deployments`), from `dora_incidents`.
 */
export async function updateIncidentCounts(
  tx: Knex.Transaction,
  where: SqlPart,
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
}

// Failed: an incident is attributed to it, or the next one is rework.
// Recovery: to the latest resolution of its incidents (open while any is
// unresolved); without incidents, to the rollback or hotfix after it.
// Over a dora_deployments row, with its next deployment's trigger and
// finish given by these expressions.

/** Whether a deployment failed (1 or 0), given its next one's trigger. */
export const failedAfter = (nextTrigger: string) =>
  `CASE WHEN incident_count > 0 OR ${nextTrigger} IN ${REWORK} THEN 1 ELSE 0 END`;
/** Why a deployment failed, given its next one's trigger. */
export const failureCauseAfter = (nextTrigger: string) =>
  `CASE WHEN incident_count > 0 THEN 'incident'
  WHEN ${nextTrigger} IN ${REWORK} THEN ${nextTrigger} END`;
/** When a failed deployment recovered, given its next one's trigger and finish. */
export const recoveredAtAfter = (nextTrigger: string, nextFinishedAt: string) =>
  `CASE
  WHEN incident_count > 0 THEN
    CASE WHEN open_incident_count = 0 THEN incidents_resolved_at END
  WHEN ${nextTrigger} IN ${REWORK} THEN ${nextFinishedAt} END`;

const FAILED = failedAfter('next_trigger');
const FAILURE_CAUSE = failureCauseAfter('next_trigger');
const RECOVERED_AT = recoveredAtAfter('next_trigger', 'next_finished_at');

/**
 * Recomputes failure and recovery of the deployments matching `where` (over
 * `dora_deployments`) from their incident counts and next_ columns; only
 * rows whose values change are written.
 */
export async function updateFailures(
  tx: Knex.Transaction,
  where: SqlPart,
): Promise<void> {
  await tx.raw(
    `UPDATE dora_deployments SET
       failed = ${FAILED},
       failure_cause = ${FAILURE_CAUSE},
       recovered_at = ${RECOVERED_AT}
     WHERE ${where.sql}
       AND (failed IS DISTINCT FROM ${FAILED}
         OR failure_cause IS DISTINCT FROM ${FAILURE_CAUSE}
         OR recovered_at IS DISTINCT FROM ${RECOVERED_AT})`,
    where.bindings,
  );
}
