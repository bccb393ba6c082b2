import { Knex } from 'knex';
import { markDerived } from './derivationState';
import { DoraDerivationSettings } from './DoraDerivationSettings';
import { insertFirstDeployments } from './commitStatements';
import {
  insertIncidentAttributions,
  isPostgres,
  lockDerivation,
  placeholders,
  updateFailures,
  updateIncidentCounts,
} from './doraStatements';

/**
 * Derives the DORA tables from scratch from the raw tables as the
 * transaction sees them, set-based: the bulk path. Records nothing in
 * `dora_settings`; see {@link rebuildDoraTables} and `backgroundRebuild`.
 */
export async function deriveDoraTables(
  tx: Knex.Transaction,
  settings: DoraDerivationSettings,
): Promise<void> {
  await tx('dora_commits').delete();
  await tx('dora_incidents').delete();
  await tx('dora_deployments').delete();
  const environments = settings.productionEnvironments;
  if (environments.length > 0) {
    await tx.raw(
      `INSERT INTO dora_deployments (deployment_id, entity_ref, environment, finished_at, trigger,
         head_commit_sha, next_deployment_id, next_finished_at, next_trigger)
       SELECT d.id, d.entity_ref, d.environment, d.finished_at, d.trigger,
         CASE WHEN EXISTS (
           SELECT 1 FROM deployment_commits c WHERE c.deployment_id = d.id
         ) THEN NULL ELSE d.commit_sha END,
         lead(d.id) OVER history,
         lead(d.finished_at) OVER history,
         lead(d.trigger) OVER history
       FROM deployments d
       WHERE d.status = 'succeeded'
         AND d.finished_at IS NOT NULL
         AND d.environment IN (${placeholders(environments.length)})
       WINDOW history AS (PARTITION BY d.entity_ref, d.environment ORDER BY d.finished_at, d.id)`,
      environments,
    );
  }
  if (isPostgres(tx)) {
    // Its size, for the plans of the statements that join it below.
    await tx.raw('ANALYZE dora_deployments');
  }
  await insertIncidentAttributions(tx, settings, {
    sql: '1 = 1',
    bindings: [],
  });
  const attributed = `deployment_id IN (SELECT x.deployment_id FROM dora_incidents x)`;
  await updateIncidentCounts(tx, { sql: attributed, bindings: [] });
  await updateFailures(tx, {
    sql: `(${attributed} OR next_trigger IN ('rollback', 'hotfix'))`,
    bindings: [],
  });
  await insertFirstDeployments(
    tx,
    {
      sql: `SELECT d.entity_ref, c.sha, d.deployment_id, d.finished_at
      FROM dora_deployments d
      JOIN deployment_commits c ON c.deployment_id = d.deployment_id
      UNION ALL
      SELECT d.entity_ref, d.head_commit_sha AS sha, d.deployment_id, d.finished_at
      FROM dora_deployments d
      WHERE d.head_commit_sha IS NOT NULL`,
      bindings: [],
    },
    { everyCommit: true },
  );
}

/**
 * Derives the DORA tables from scratch in the given transaction, holding
 * off ingestion's derivation meanwhile, and records them as derived with
 * these settings: after loading history straight into the raw tables (the
 * benchmark) and in tests. A running backend rebuilds in the background.
 */
export async function rebuildDoraTables(
  tx: Knex.Transaction,
  settings: DoraDerivationSettings,
): Promise<void> {
  await lockDerivation(tx);
  // What was left to a rebuild is derived by this one.
  await tx('dora_pending_changes').delete();
  await deriveDoraTables(tx, settings);
  await markDerived(tx, settings);
}
