import { Knex } from 'knex';
import { isIn, rowsTable, SqlPart } from './doraStatements';

// The statements that keep `dora_commits`: each commit's first production
// deployment per entity and its time, for the incremental path
// (deriveCommits.ts) and the full rebuild (rebuildDoraTables.ts), in SQL
// that PostgreSQL and SQLite both run.

/**
 * Recomputes the commit times of these shas: the earliest time any stored
 * event gives for the sha (a commit time is the same whichever deployment
 * lists it). For shas that an event stopped listing.
 */
export async function updateCommitTimes(
  tx: Knex.Transaction,
  shas: string[],
): Promise<void> {
  if (shas.length === 0) {
    return;
  }
  const earliest = `(SELECT min(c.committed_at) FROM deployment_commits c WHERE c.sha = dora_commits.sha)`;
  const where = isIn(tx, 'sha', shas);
  await tx.raw(
    `UPDATE dora_commits SET committed_at = ${earliest}
     WHERE ${where.sql} AND committed_at IS DISTINCT FROM ${earliest}`,
    where.bindings,
  );
}

/**
 * Lowers commit times to these newly listed ones where they are earlier (or
 * the time was unknown): the earliest time only ever drops as events list a
 * commit.
 */
export async function lowerCommitTimes(
  tx: Knex.Transaction,
  listed: Array<[sha: string, committedAt: number]>,
): Promise<void> {
  if (listed.length === 0) {
    return;
  }
  const times = rowsTable(
    tx,
    'listed',
    [
      { name: 'sha', type: 'text' },
      { name: 'committed_at', type: 'bigint' },
    ],
    listed,
  );
  await tx.raw(
    `UPDATE dora_commits SET committed_at = listed.committed_at
     FROM ${times.sql}
     WHERE dora_commits.sha = listed.sha
       AND (dora_commits.committed_at IS NULL
         OR dora_commits.committed_at > listed.committed_at)`,
    times.bindings,
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
  brought: SqlPart,
  options: { replace?: boolean; everyCommit?: boolean } = {},
): Promise<void> {
  // With `replace`, a row already there is updated, and only if it changes.
  const onConflict = options.replace
    ? `ON CONFLICT (entity_ref, sha) DO UPDATE SET
         first_deployment_id = excluded.first_deployment_id,
         first_finished_at = excluded.first_finished_at,
         committed_at = excluded.committed_at
       WHERE dora_commits.first_deployment_id IS DISTINCT FROM excluded.first_deployment_id
         OR dora_commits.first_finished_at IS DISTINCT FROM excluded.first_finished_at
         OR dora_commits.committed_at IS DISTINCT FROM excluded.committed_at`
    : '';
  // A few commits look their time up by sha. When `brought` is every commit
  // (a rebuild), one pass groups them all, and the rows go in in time order,
  // so that three of the table's four indexes grow at their ends: at a
  // million deployments, millions of lookups and index insertions in random
  // order took minutes.
  const earliest = options.everyCommit
    ? {
        join: `LEFT JOIN (
           SELECT t.sha, min(t.committed_at) AS committed_at
           FROM deployment_commits t GROUP BY t.sha
         ) earliest ON earliest.sha = ranked.sha`,
        time: 'earliest.committed_at',
        order: 'ORDER BY ranked.finished_at',
      }
    : {
        join: '',
        time: '(SELECT min(t.committed_at) FROM deployment_commits t WHERE t.sha = ranked.sha)',
        order: '',
      };
  await tx.raw(
    `INSERT INTO dora_commits (entity_ref, sha, first_deployment_id, first_finished_at, committed_at)
     SELECT ranked.entity_ref, ranked.sha, ranked.deployment_id, ranked.finished_at,
       ${earliest.time}
     FROM (
       SELECT b.entity_ref, b.sha, b.deployment_id, b.finished_at,
         row_number() OVER (
           PARTITION BY b.entity_ref, b.sha ORDER BY b.finished_at, b.deployment_id
         ) AS position
       FROM (${brought.sql}) b
     ) ranked
     ${earliest.join}
     WHERE ranked.position = 1
     ${earliest.order}
     ${onConflict}`,
    brought.bindings,
  );
}
