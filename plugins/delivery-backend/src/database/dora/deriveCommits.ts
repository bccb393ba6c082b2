import { Knex } from 'knex';
import { chunks, eachChunk } from '../chunks';
import type {
  IngestedChanges,
  ProductionDeploymentAfter,
  ProductionDeploymentBefore,
} from './ingestedChanges';
import { rowsTable } from './doraStatements';
import {
  insertFirstDeployments,
  lowerCommitTimes,
  updateCommitTimes,
} from './commitStatements';

const unique = <T>(values: Iterable<T>) => [...new Set(values)];

// A batch's listed commits (two columns a row) in one statement.
const LISTED_PER_STATEMENT = 10_000;

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

// The key of an (entity, sha) pair: entity refs hold no NUL character.
const pairKey = (entityRef: string, sha: string) => `${entityRef}\u0000${sha}`;

// The (entity, sha) pairs of the commits production deployments bring: those
// they list and their head commits, each once, by a key of the pair.
function commitsBrought(
  deployments: ProductionDeploymentBefore[],
  commits: Array<{ deploymentId: string; sha: string }>,
): Map<string, [string, string]> {
  const pairs = new Map<string, [string, string]>();
  const add = (entityRef: string, sha: string) =>
    pairs.set(pairKey(entityRef, sha), [entityRef, sha]);
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

// A commit that a changed deployment brings now, and that deployment.
interface Candidate {
  entityRef: string;
  sha: string;
  deploymentId: string;
  finishedAt: number;
}

// The candidates by the key of their (entity, sha) pair: several changed
// deployments may bring one commit; the database picks the earliest, in its
// own order of ids.
function candidates(
  after: ProductionDeploymentAfter[],
  commits: Array<{ deploymentId: string; sha: string }>,
): Map<string, Candidate[]> {
  const result = new Map<string, Candidate[]>();
  const byId = new Map(after.map(row => [row.deployment_id, row]));
  const add = (row: ProductionDeploymentAfter, sha: string) => {
    const key = pairKey(row.entity_ref, sha);
    const candidate = {
      entityRef: row.entity_ref,
      sha,
      deploymentId: row.deployment_id,
      finishedAt: Number(row.finished_at),
    };
    const offered = result.get(key);
    if (offered) {
      offered.push(candidate);
    } else {
      result.set(key, [candidate]);
    }
  };
  for (const { deploymentId, sha } of commits) {
    const row = byId.get(deploymentId);
    if (row) {
      add(row, sha);
    }
  }
  for (const row of after) {
    if (row.head_commit_sha) {
      add(row, row.head_commit_sha);
    }
  }
  return result;
}

/**
 * Makes each candidate the first deployment of its commit where it is
 * earlier than the one recorded, or where none is: a deployment that
 * starts to bring a commit can only move its first deployment earlier. A
 * new row takes the commit's earliest known time.
 */
async function offerFirstDeployments(
  tx: Knex.Transaction,
  chunk: Candidate[],
): Promise<void> {
  const offered = rowsTable(
    tx,
    'offered',
    [
      { name: 'entity_ref', type: 'text' },
      { name: 'sha', type: 'text' },
      { name: 'deployment_id', type: 'text' },
      { name: 'finished_at', type: 'bigint' },
    ],
    chunk.map(c => [c.entityRef, c.sha, c.deploymentId, c.finishedAt]),
  );
  // The earliest offer of each pair only: a statement may not update a row
  // twice.
  await tx.raw(
    `INSERT INTO dora_commits (entity_ref, sha, first_deployment_id, first_finished_at, committed_at)
     SELECT earliest.entity_ref, earliest.sha, earliest.deployment_id, earliest.finished_at,
       (SELECT min(t.committed_at) FROM deployment_commits t WHERE t.sha = earliest.sha)
     FROM (
       SELECT offered.*, row_number() OVER (
         PARTITION BY offered.entity_ref, offered.sha
         ORDER BY offered.finished_at, offered.deployment_id
       ) AS position
       FROM ${offered.sql}
     ) earliest
     WHERE earliest.position = 1
     ON CONFLICT (sha, entity_ref) DO UPDATE SET
       first_deployment_id = excluded.first_deployment_id,
       first_finished_at = excluded.first_finished_at
     WHERE (excluded.first_finished_at, excluded.first_deployment_id)
       < (dora_commits.first_finished_at, dora_commits.first_deployment_id)`,
    offered.bindings,
  );
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

  // Times lowered for the commits listed now, before any row is inserted: a
  // row inserted below takes its commit's earliest time from the stored
  // events, which already list these, so only the rows there before need
  // lowering. Most listed commits are new and find none (an index probe
  // that misses), where probing after the inserts visited each new row for
  // nothing.
  const earliest = new Map<string, number>();
  for (const { sha, committedAt } of listedCommits) {
    earliest.set(sha, Math.min(committedAt, earliest.get(sha) ?? Infinity));
  }
  for (const chunk of chunks([...earliest], LISTED_PER_STATEMENT)) {
    await lowerCommitTimes(tx, chunk);
  }

  // Commits a changed deployment brought before may now have another first
  // deployment, or none: delete and derive again from every deployment that
  // brings them. Those only brought now can only get an earlier one.
  const moved = commitsBrought(before, replacedCommits);
  const brought = candidates(after, listedCommits);
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
    offerFirstDeployments(tx, chunk.flat()),
  );

  // Times recomputed for commits an event stopped listing.
  const unlisted = unique(replacedCommits.map(commit => commit.sha));
  await eachChunk(unlisted, chunk => updateCommitTimes(tx, chunk));
}
