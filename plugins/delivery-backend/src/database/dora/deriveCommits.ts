import { Knex } from 'knex';
import { chunks } from '../chunks';
import type {
  IngestedChanges,
  ProductionDeploymentAfter,
  ProductionDeploymentBefore,
} from './deriveIngested';
import {
  insertFirstDeployments,
  updateCommitTimes,
} from './doraStatements';
import { IN_LIST_SIZE, inChunks } from './inChunks';

const unique = <T>(values: Iterable<T>) => [...new Set(values)];

// The first production deployment of each commit a changed deployment brings
// or brought, and the time of each commit a changed deployment lists or listed.
export async function deriveCommits(
  tx: Knex.Transaction,
  options: {
    deploymentIds: string[];
    replacedCommits: IngestedChanges['replacedCommits'];
    before: ProductionDeploymentBefore[];
    after: ProductionDeploymentAfter[];
  },
): Promise<void> {
  const { deploymentIds, replacedCommits, before, after } = options;
  const listed = await inChunks<string, { deployment_id: string; sha: string }>(
    deploymentIds,
    ids =>
      tx('deployment_commits')
        .select('deployment_id', 'sha')
        .whereIn('deployment_id', ids),
  );

  const pairs = new Map<string, [string, string]>();
  const addPair = (entityRef: string, sha: string) =>
    pairs.set(JSON.stringify([entityRef, sha]), [entityRef, sha]);
  const entityBefore = new Map(before.map(r => [r.deployment_id, r.entity_ref]));
  const entityAfter = new Map(after.map(r => [r.deployment_id, r.entity_ref]));
  for (const { deploymentId, sha } of replacedCommits) {
    const entityRef = entityBefore.get(deploymentId);
    if (entityRef) {
      addPair(entityRef, sha);
    }
  }
  for (const { deployment_id, sha } of listed) {
    const entityRef = entityAfter.get(deployment_id);
    if (entityRef) {
      addPair(entityRef, sha);
    }
  }
  for (const row of [...before, ...after]) {
    if (row.head_commit_sha) {
      addPair(row.entity_ref, row.head_commit_sha);
    }
  }

  for (const chunk of chunks([...pairs.values()], IN_LIST_SIZE)) {
    const values = chunk.map(() => '(?, ?)').join(', ');
    const bindings = chunk.flat();
    await tx.raw(
      `DELETE FROM dora_commits WHERE (entity_ref, sha) IN (VALUES ${values})`,
      bindings,
    );
    const dirty = `(SELECT v.column1 AS entity_ref, v.column2 AS sha FROM (VALUES ${values}) AS v)`;
    await insertFirstDeployments(tx, {
      sql: `SELECT d.entity_ref, c.sha, d.deployment_id, d.finished_at
        FROM ${dirty} dirty
        JOIN deployment_commits c ON c.sha = dirty.sha
        JOIN dora_deployments d ON d.deployment_id = c.deployment_id AND d.entity_ref = dirty.entity_ref
        UNION ALL
        SELECT d.entity_ref, d.head_commit_sha AS sha, d.deployment_id, d.finished_at
        FROM ${dirty} dirty
        JOIN dora_deployments d ON d.head_commit_sha = dirty.sha AND d.entity_ref = dirty.entity_ref`,
      bindings: [...bindings, ...bindings],
    });
  }

  const shas = unique([
    ...replacedCommits.map(commit => commit.sha),
    ...listed.map(commit => commit.sha),
  ]);
  for (const chunk of chunks(shas, IN_LIST_SIZE)) {
    await updateCommitTimes(tx, chunk);
  }
}
