import { Knex } from 'knex';
import { chunks, inChunks } from '../chunks';
import { deriveIngested } from './deriveIngested';
import { DoraDerivationSettings } from './DoraDerivationSettings';
import { lockDerivation } from './doraStatements';
import { IngestedChanges } from './ingestedChanges';

// 3 columns a row: well under SQLite's limit of bound parameters.
const ROWS_PER_STATEMENT = 5000;

/**
 * Records what an ingestion changed, for the rebuild that is deriving the
 * DORA tables again to derive once it is done (see `backgroundRebuild`).
 */
export async function recordPendingChanges(
  tx: Knex.Transaction,
  changes: IngestedChanges,
): Promise<void> {
  const rows = [
    ...changes.deploymentIds.map(id => ({
      deployment_id: id,
      sha: null,
      incident_id: null,
    })),
    ...changes.replacedCommits.map(commit => ({
      deployment_id: commit.deploymentId,
      sha: commit.sha,
      incident_id: null,
    })),
    ...changes.incidentIds.map(id => ({
      deployment_id: null,
      sha: null,
      incident_id: id,
    })),
  ];
  for (const chunk of chunks(rows, ROWS_PER_STATEMENT)) {
    await tx('dora_pending_changes').insert(chunk);
  }
}

/**
 * Derives up to `limit` of the oldest pending changes into the DORA tables
 * and forgets them; answers how many there were. The commits a deployment
 * lists are read as they are now; those it listed before a replacement were
 * recorded with it.
 */
export async function derivePendingChanges(
  tx: Knex.Transaction,
  settings: DoraDerivationSettings,
  limit: number,
): Promise<number> {
  // Every ingestion that records changes holds this lock until it commits:
  // what is read below is all that is recorded up to the last id read.
  await lockDerivation(tx);
  const pending: Array<{
    id: number | string;
    deployment_id: string | null;
    sha: string | null;
    incident_id: string | null;
  }> = await tx('dora_pending_changes').orderBy('id').limit(limit);
  if (pending.length === 0) {
    return 0;
  }
  const deploymentIds = new Set<string>();
  const incidentIds = new Set<string>();
  const replacedCommits: IngestedChanges['replacedCommits'] = [];
  for (const row of pending) {
    if (row.incident_id !== null) {
      incidentIds.add(row.incident_id);
    } else if (row.sha !== null) {
      replacedCommits.push({ deploymentId: row.deployment_id!, sha: row.sha });
    } else {
      deploymentIds.add(row.deployment_id!);
    }
  }
  const listed = await inChunks(
    [...deploymentIds],
    chunk =>
      tx('deployment_commits')
        .select('deployment_id', 'sha', 'committed_at')
        .whereIn('deployment_id', chunk) as Promise<
        Array<{
          deployment_id: string;
          sha: string;
          committed_at: number | string | null;
        }>
      >,
  );
  await deriveIngested(tx, settings, {
    deploymentIds: [...deploymentIds],
    incidentIds: [...incidentIds],
    replacedCommits,
    listedCommits: listed.flatMap(row =>
      row.committed_at === null
        ? []
        : [
            {
              deploymentId: row.deployment_id,
              sha: row.sha,
              committedAt: Number(row.committed_at),
            },
          ],
    ),
  });
  await tx('dora_pending_changes')
    .where('id', '<=', pending[pending.length - 1].id)
    .delete();
  return pending.length;
}
