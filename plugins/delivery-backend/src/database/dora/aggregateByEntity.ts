import { Knex } from 'knex';
import { IN_LIST_SIZE, chunks } from '../chunks';
import { aggregateRows, DeploymentFact, LeadTimeFact } from './aggregateRows';
import { isPostgres, rowsOf } from './doraStatements';
import {
  DeploymentColumns,
  LeadTimeColumns,
  REWORK,
  deploymentFigures,
  leadTimeFigures,
  numberOrNull,
} from './aggregateColumns';
import { DoraAggregate } from './DoraStore';

/** Nothing in the window: an entity without rows. */
export const EMPTY_AGGREGATE: DoraAggregate = {
  deployments: 0,
  reworkDeployments: 0,
  failedDeployments: 0,
  openFailures: 0,
  recoveryMedianMs: null,
  leadTimeCommits: 0,
  leadTimeMedianMs: null,
  leadTimeP90Ms: null,
};

/**
 * The aggregate of the window `[from, to)` of each of these entities, each on
 * its own rows: one query grouped by entity (per table) rather than one per
 * entity. PostgreSQL takes the medians with `percentile_cont`; SQLite
 * answers the rows and they are aggregated in memory with the same
 * arithmetic. Every entity asked for has an entry.
 */
export async function aggregateByEntity(
  db: Knex,
  query: { from: number; to: number; entityRefs: string[] },
): Promise<Map<string, DoraAggregate>> {
  const result = new Map<string, DoraAggregate>(
    query.entityRefs.map(ref => [ref, { ...EMPTY_AGGREGATE }]),
  );
  if (query.entityRefs.length === 0) {
    return result;
  }
  const found = isPostgres(db)
    ? await inPostgres(db, query)
    : await inMemory(db, query);
  for (const [ref, aggregate] of found) {
    result.set(ref, aggregate);
  }
  return result;
}

async function inPostgres(
  db: Knex,
  { from, to, entityRefs }: { from: number; to: number; entityRefs: string[] },
): Promise<Map<string, DoraAggregate>> {
  const [deploymentResult, commitResult] = await Promise.all([
    db.raw(
      `SELECT entity_ref, count(*) AS deployments,
         sum(CASE WHEN trigger IN ${REWORK} THEN 1 ELSE 0 END) AS rework,
         sum(failed) AS failed,
         sum(CASE WHEN failed = 1 AND recovered_at IS NULL THEN 1 ELSE 0 END) AS open_failures,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY recovered_at - finished_at) AS recovery_median
       FROM dora_deployments
       WHERE finished_at >= ? AND finished_at < ? AND entity_ref = ANY(?)
       GROUP BY entity_ref`,
      [from, to, entityRefs],
    ),
    db.raw(
      `SELECT entity_ref, count(*) AS commits,
         percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY first_finished_at - committed_at) AS lead_time
       FROM dora_commits
       WHERE first_finished_at >= ? AND first_finished_at < ?
         AND committed_at IS NOT NULL AND entity_ref = ANY(?)
       GROUP BY entity_ref`,
      [from, to, entityRefs],
    ),
  ]);
  const byEntity = new Map<string, DoraAggregate>();
  const entry = (ref: string) => {
    if (!byEntity.has(ref)) {
      byEntity.set(ref, { ...EMPTY_AGGREGATE });
    }
    return byEntity.get(ref)!;
  };
  for (const row of rowsOf<DeploymentColumns & { entity_ref: string }>(
    deploymentResult,
  )) {
    Object.assign(entry(row.entity_ref), deploymentFigures(row));
  }
  for (const row of rowsOf<LeadTimeColumns & { entity_ref: string }>(
    commitResult,
  )) {
    Object.assign(entry(row.entity_ref), leadTimeFigures(row));
  }
  return byEntity;
}

async function inMemory(
  db: Knex,
  { from, to, entityRefs }: { from: number; to: number; entityRefs: string[] },
): Promise<Map<string, DoraAggregate>> {
  const facts = new Map<
    string,
    { deployments: DeploymentFact[]; leadTimes: LeadTimeFact[] }
  >();
  const factsOf = (ref: string) => {
    if (!facts.has(ref)) {
      facts.set(ref, { deployments: [], leadTimes: [] });
    }
    return facts.get(ref)!;
  };
  for (const scope of chunks(entityRefs, IN_LIST_SIZE)) {
    const deployments = await db('dora_deployments')
      .select('entity_ref', 'finished_at', 'trigger', 'failed', 'recovered_at')
      .where('finished_at', '>=', from)
      .where('finished_at', '<', to)
      .whereIn('entity_ref', scope);
    for (const row of deployments) {
      factsOf(row.entity_ref).deployments.push({
        finishedAt: Number(row.finished_at),
        rework: row.trigger === 'rollback' || row.trigger === 'hotfix',
        failed: Number(row.failed) === 1,
        recoveredAt: numberOrNull(row.recovered_at),
      });
    }
    const commits = await db('dora_commits')
      .select('entity_ref', 'first_finished_at', 'committed_at')
      .where('first_finished_at', '>=', from)
      .where('first_finished_at', '<', to)
      .whereNotNull('committed_at')
      .whereIn('entity_ref', scope);
    for (const row of commits) {
      factsOf(row.entity_ref).leadTimes.push({
        firstFinishedAt: Number(row.first_finished_at),
        committedAt: Number(row.committed_at),
      });
    }
  }
  const byEntity = new Map<string, DoraAggregate>();
  for (const [ref, { deployments, leadTimes }] of facts) {
    byEntity.set(ref, aggregateRows([from, to], deployments, leadTimes).total);
  }
  return byEntity;
}
