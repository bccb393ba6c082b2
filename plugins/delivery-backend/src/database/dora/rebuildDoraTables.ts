import { Knex } from 'knex';
import { DoraDerivationSettings } from './DoraDerivationSettings';
import {
  insertFirstDeployments,
  insertIncidentAttributions,
  lockDerivation,
  placeholders,
  updateFailures,
  updateIncidentCounts,
} from './doraStatements';

// Bumped when the derivation itself changes, so that the tables are rebuilt.
// 2: neighbours, attribution and rework within each production environment.
const DERIVATION_VERSION = 2;
const SETTINGS_NAME = 'derivation';

function settingsValue(settings: DoraDerivationSettings): string {
  return JSON.stringify({
    version: DERIVATION_VERSION,
    productionEnvironments: [...settings.productionEnvironments].sort(),
    incidentAttributionWindowMs: settings.incidentAttributionWindowMs,
  });
}

/**
 * Derives the DORA tables from scratch from the raw tables, set-based, in
 * the given transaction: the bulk path, used when the settings change and
 * after loading history directly into the raw tables (the benchmark).
 */
export async function rebuildDoraTables(
  tx: Knex.Transaction,
  settings: DoraDerivationSettings,
): Promise<void> {
  await lockDerivation(tx);
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
  await insertFirstDeployments(tx, {
    sql: `SELECT d.entity_ref, c.sha, d.deployment_id, d.finished_at
      FROM dora_deployments d
      JOIN deployment_commits c ON c.deployment_id = d.deployment_id
      UNION ALL
      SELECT d.entity_ref, d.head_commit_sha AS sha, d.deployment_id, d.finished_at
      FROM dora_deployments d
      WHERE d.head_commit_sha IS NOT NULL`,
    bindings: [],
  });

  const value = settingsValue(settings);
  await tx('dora_settings')
    .insert({ name: SETTINGS_NAME, value })
    .onConflict('name')
    .merge(['value']);
}

/**
 * Rebuilds the DORA tables unless they were derived with these settings;
 * one replica rebuilds while the others wait, then find them current.
 */
export async function ensureDoraTablesCurrent(
  knex: Knex,
  settings: DoraDerivationSettings,
): Promise<void> {
  const value = settingsValue(settings);
  await knex.transaction(async tx => {
    await lockDerivation(tx);
    const row = await tx('dora_settings')
      .where('name', SETTINGS_NAME)
      .first('value');
    if (row?.value !== value) {
      await rebuildDoraTables(tx, settings);
    }
  });
}
