import { Knex } from 'knex';
import { IN_LIST_SIZE, chunks } from '../chunks';
import { EMPTY_AGGREGATE as EMPTY } from './aggregateByEntity';
import { aggregateRows, DeploymentFact, LeadTimeFact } from './aggregateRows';
import { rowsOf } from './doraStatements';
import {
  DeploymentColumns,
  LeadTimeColumns,
  REWORK,
  deploymentFigures,
  leadTimeFigures,
  numberOrNull,
} from './aggregateColumns';
import { DoraAggregate } from './DoraStore';

// Enough to sort a portal-wide quarter's lead times (~250,000) in memory.
const SORT_MEMORY = '64MB';
// As many entities as sort their window's rows in PostgreSQL's default
// memory (a few thousand rows each).
const FEW_ENTITIES = 50;

/**
 * The aggregates of the window and of each bucket from the window's
 * deployments and commits, in SQL with percentile_cont: everybody's or some
 * entities'. Whole UTC days of everybody or of one entity read their rows per
 * day instead (`everybodyByDay`, `entityByDay`).
 */
export async function aggregateWindowInPostgres(
  db: Knex,
  edges: number[],
  entityRefs: string[] | undefined,
): Promise<{ total: DoraAggregate; buckets: DoraAggregate[] }> {
  const from = edges[0];
  const to = edges[edges.length - 1];
  const scope = entityRefs ? 'AND entity_ref = ANY(?)' : '';
  const scopeBindings = entityRefs ? [entityRefs] : [];

  // Each query sorts its window's values for percentile_cont: let the
  // sort stay in memory rather than spill to disk. A few entities' rows
  // sort within the default memory: one round trip rather than four.
  const inMemory = (sql: string, bindings: Knex.RawBinding[]) =>
    entityRefs && entityRefs.length <= FEW_ENTITIES
      ? db.raw(sql, bindings)
      : db.transaction(async tx => {
          await tx.raw(`SET LOCAL work_mem = '${SORT_MEMORY}'`);
          return tx.raw(sql, bindings);
        });
  const [deploymentResult, commitResult] = await Promise.all([
    inMemory(
      `SELECT bucket, count(*) AS deployments,
           sum(rework) AS rework,
           sum(failed) AS failed,
           sum(CASE WHEN failed = 1 AND recovered_at IS NULL THEN 1 ELSE 0 END) AS open_failures,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY recovered_at - finished_at) AS recovery_median
         FROM (
           SELECT width_bucket(finished_at, ?::bigint[]) AS bucket, finished_at,
             CASE WHEN trigger IN ${REWORK} THEN 1 ELSE 0 END AS rework,
             failed, recovered_at
           FROM dora_deployments
           WHERE finished_at >= ? AND finished_at < ? ${scope}
         ) window_deployments
         GROUP BY GROUPING SETS ((bucket), ())`,
      [edges, from, to, ...scopeBindings],
    ),
    inMemory(
      `SELECT bucket, count(*) AS commits,
           percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY lead_time) AS lead_time
         FROM (
           SELECT width_bucket(first_finished_at, ?::bigint[]) AS bucket,
             first_finished_at - committed_at AS lead_time
           FROM dora_commits
           WHERE first_finished_at >= ? AND first_finished_at < ?
             AND committed_at IS NOT NULL ${scope}
         ) window_commits
         GROUP BY GROUPING SETS ((bucket), ())`,
      [edges, from, to, ...scopeBindings],
    ),
  ]);

  // Bucket numbers are 1-based; the grand total has none.
  const total = { ...EMPTY };
  const buckets = edges.slice(1).map(() => ({ ...EMPTY }));
  const target = (bucket: number | null) =>
    bucket === null ? total : buckets[bucket - 1];
  for (const row of rowsOf<DeploymentColumns & { bucket: number | null }>(
    deploymentResult,
  )) {
    Object.assign(target(row.bucket), deploymentFigures(row));
  }
  for (const row of rowsOf<LeadTimeColumns & { bucket: number | null }>(
    commitResult,
  )) {
    Object.assign(target(row.bucket), leadTimeFigures(row));
  }
  return { total, buckets };
}

/**
 * The same aggregates from the window's rows, aggregated in memory with the
 * same arithmetic: SQLite's path.
 */
export async function aggregateWindowInMemory(
  db: Knex,
  edges: number[],
  entityRefs: string[] | undefined,
): Promise<{ total: DoraAggregate; buckets: DoraAggregate[] }> {
  const from = edges[0];
  const to = edges[edges.length - 1];
  const scopes = entityRefs ? chunks(entityRefs, IN_LIST_SIZE) : [undefined];
  const deployments: DeploymentFact[] = [];
  const leadTimes: LeadTimeFact[] = [];
  for (const scope of scopes) {
    const deploymentQuery = db('dora_deployments')
      .select('finished_at', 'trigger', 'failed', 'recovered_at')
      .where('finished_at', '>=', from)
      .where('finished_at', '<', to);
    const commitQuery = db('dora_commits')
      .select('first_finished_at', 'committed_at')
      .where('first_finished_at', '>=', from)
      .where('first_finished_at', '<', to)
      .whereNotNull('committed_at');
    if (scope) {
      deploymentQuery.whereIn('entity_ref', scope);
      commitQuery.whereIn('entity_ref', scope);
    }
    for (const row of await deploymentQuery) {
      deployments.push({
        finishedAt: Number(row.finished_at),
        rework: row.trigger === 'rollback' || row.trigger === 'hotfix',
        failed: Number(row.failed) === 1,
        recoveredAt: numberOrNull(row.recovered_at),
      });
    }
    for (const row of await commitQuery) {
      leadTimes.push({
        firstFinishedAt: Number(row.first_finished_at),
        committedAt: Number(row.committed_at),
      });
    }
  }
  return aggregateRows(edges, deployments, leadTimes);
}
