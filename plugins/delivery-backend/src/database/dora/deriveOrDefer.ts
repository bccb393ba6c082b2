import { Knex } from 'knex';
import { deriveIngested, prepareDerivation } from './deriveIngested';
import { DoraDerivationSettings } from './DoraDerivationSettings';
import { IngestedChanges } from './ingestedChanges';
import { derivePendingChanges, recordPendingChanges } from './pendingChanges';

/**
 * Brings the DORA tables up to date with one ingestion, in its transaction,
 * when they are derived with these settings; while they are being derived
 * again (or with other settings), records the changes for the rebuild to
 * derive instead. Under the derivation lock, which the rebuild takes to
 * declare itself done, so that no ingestion falls between the two.
 */
export async function deriveOrDefer(
  tx: Knex.Transaction,
  settings: DoraDerivationSettings,
  changes: IngestedChanges,
): Promise<void> {
  if (changes.deploymentIds.length === 0 && changes.incidentIds.length === 0) {
    return;
  }
  const { derived, pending } = await prepareDerivation(tx, settings);
  if (derived) {
    // Changes recorded by a replica that ran with other settings after the
    // last rebuild: derived first, from the state they were recorded on.
    if (pending) {
      while ((await derivePendingChanges(tx, settings, 5000)) > 0) {
        // until none is left
      }
    }
    await deriveIngested(tx, settings, changes, { prepared: true });
  } else {
    await recordPendingChanges(tx, changes);
  }
}
