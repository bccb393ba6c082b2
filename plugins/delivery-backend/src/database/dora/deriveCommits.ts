import { Knex } from 'knex';
import { eachChunk } from '../chunks';
import type {
  IngestedChanges,
  ProductionDeploymentAfter,
  ProductionDeploymentBefore,
} from './ingestedChanges';
import {
  insertFirstDeployments,
  lowerCommitTimes,
  rowsTable,
  updateCommitTimes,
} from './doraStatements';

const unique = <T>(values: Iterable<T>) => [...new Set(values)];

const pairsTable = (tx: Knex.Transaction, pairs: Array<[string, string]>) =>
  rowsTable(
    tx,
    'dirty',
    [
      { name: 'entity_ref', type: 'text' },
      { name: 'sha', type: 'text' },
    ],
    pairs,
  );

// The production deployments that brought these commits of these entities.
function broughtBy(tx: Knex.Transaction, pairs: Array<[string, string]>) {
  const dirty = pairsTable(tx, pairs);
  return {
    // CROSS JOIN keeps SQLite to this order (by sha, then by id) rather than
    // reading the entity's whole history; PostgreSQL plans freely.
    sql: `SELECT d.entity_ref, c.sha, d.deployment_id, d.finished_at
      FROM ${dirty.sql}
      CROSS JOIN deployment_commits c
      CROSS JOIN dora_deployments d
      WHERE c.sha = dirty.sha
        AND d.deployment_id = c.deployment_id
        AND d.entity_ref = dirty.entity_ref
      UNION ALL
      SELECT d.entity_ref, d.head_commit_sha AS sha, d.deployment_id, d.finished_at
      FROM ${dirty.sql}
      CROSS JOIN dora_deployments d
      WHERE d.head_commit_sha = dirty.sha AND d.entity_ref = dirty.entity_ref`,
    bindings: [...dirty.bindings, ...dirty.bindings],
  };
}

// The (entity, sha) pairs of the commits production deployments bring: those
// they list and their head commits, each once, by a key of the pair.
function commitsBrought(
  deployments: Array<ProductionDeploymentBefore | ProductionDeploymentAfter>,
  commits: Array<{ deploymentId: string; sha: string }>,
): Map<string, [string, string]> {
  const pairs = new Map<string, [string, string]>();
  const add = (entityRef: string, sha: string) =>
    pairs.set(JSON.stringify([entityRef, sha]), [entityRef, sha]);
  const entityOf = new Map(
    deployments.map(r => [r.deployment_id, r.entity_ref]),
  );
  for (const { deploymentId, sha } of commits) {
    const entityRef = entityOf.get(deploymentId);
    if (entityRef) {
      add(entityRef, sha);
    }
  }
  for (const row of deployments) {
    if (row.head_commit_sha) {
      add(row.entity_ref, row.head_commit_sha);
    }
  }
  return pairs;
}

// The first production deployment of each commit a changed deployment brings
// or brought, and the time of each commit a changed deployment lists or listed.
export async function deriveCommits(
  tx: Knex.Transaction,
  options: Pick<IngestedChanges, 'replacedCommits' | 'listedCommits'> & {
    before: ProductionDeploymentBefore[];
    after: ProductionDeploymentAfter[];
  },
): Promise<void> {
  const { replacedCommits, listedCommits, before, after } = options;

  // Commits a changed deployment brought before may now have another first
  // deployment, or none: delete and derive again. Those it brings now keep
  // or get one: derive and upsert.
  const moved = commitsBrought(before, replacedCommits);
  const brought = commitsBrought(after, listedCommits);
  for (const key of moved.keys()) {
    brought.delete(key);
  }

  await eachChunk([...moved.values()], async chunk => {
    const pairs = pairsTable(tx, chunk);
    await tx.raw(
      `DELETE FROM dora_commits WHERE (entity_ref, sha) IN (
         SELECT dirty.entity_ref, dirty.sha FROM ${pairs.sql}
       )`,
      pairs.bindings,
    );
    await insertFirstDeployments(tx, broughtBy(tx, chunk));
  });
  await eachChunk([...brought.values()], chunk =>
    insertFirstDeployments(tx, broughtBy(tx, chunk), { replace: true }),
  );

  // Times: recomputed for commits an event stopped listing, lowered for
  // those listed now.
  const unlisted = unique(replacedCommits.map(commit => commit.sha));
  await eachChunk(unlisted, chunk => updateCommitTimes(tx, chunk));
  const earliest = new Map<string, number>();
  for (const { sha, committedAt } of listedCommits) {
    earliest.set(sha, Math.min(committedAt, earliest.get(sha) ?? Infinity));
  }
  await eachChunk([...earliest], chunk => lowerCommitTimes(tx, chunk));
}
