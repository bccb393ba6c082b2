import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { IN_LIST_SIZE, chunks } from '../chunks';
import { EMPTY_AGGREGATE as EMPTY } from './aggregateByEntity';
import { rateEntities } from './rateEntities';
import { aggregateRows, DeploymentFact, LeadTimeFact } from './aggregateRows';
import { isPostgres, rowsOf } from './doraStatements';
import { coversWholeUtcDays, everybodyByDay } from './everybodyByDay';
import {
  DoraAggregate,
  DoraAggregateQuery,
  DoraRating,
  DoraStore,
} from './DoraStore';

type Millis = number | string;

const REWORK = `('rollback', 'hotfix')`;

// Enough to sort a portal-wide quarter's lead times (~250,000) in memory.
const SORT_MEMORY = '64MB';
// As many entities as sort their window's rows in PostgreSQL's default
// memory (a few thousand rows each).
const FEW_ENTITIES = 50;

const numberOrNull = (value: Millis | null | undefined) =>
  value === null || value === undefined ? null : Number(value);

/**
 * The Knex implementation of {@link DoraStore}, over the tables that
 * ingestion derives (see `deriveIngested`). Each query reads only the
 * window's rows through an index. PostgreSQL aggregates in SQL, medians
 * with `percentile_cont`; SQLite answers the rows and they are aggregated in
 * memory with the same arithmetic, so both give the same numbers.
 */
export class DatabaseDoraStore implements DoraStore {
  /** Reads the plugin's database; `DatabaseDeliveryStore.create` migrates it. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseDoraStore> {
    return new DatabaseDoraStore(await options.database.getClient());
  }

  constructor(private readonly db: Knex) {}

  async listEntityRefs(): Promise<string[]> {
    // A skip scan over the index: one probe per entity, not one per row.
    const rows = rowsOf<{ entity_ref: string | null }>(
      await this.db.raw(
        `WITH RECURSIVE refs(entity_ref) AS (
           SELECT min(entity_ref) FROM dora_deployments
           UNION ALL
           SELECT (SELECT min(d.entity_ref) FROM dora_deployments d WHERE d.entity_ref > refs.entity_ref)
           FROM refs WHERE refs.entity_ref IS NOT NULL
         )
         SELECT entity_ref FROM refs WHERE entity_ref IS NOT NULL`,
      ),
    );
    return rows.map(row => row.entity_ref!);
  }

  async aggregate(
    query: DoraAggregateQuery,
  ): Promise<{ total: DoraAggregate; buckets: DoraAggregate[] }> {
    const { edges, entityRefs } = query;
    if (edges.length < 2) {
      throw new RangeError('A DORA window needs at least two bucket edges');
    }
    if (entityRefs && entityRefs.length === 0) {
      return { total: EMPTY, buckets: edges.slice(1).map(() => EMPTY) };
    }
    return isPostgres(this.db)
      ? this.aggregateInPostgres(edges, entityRefs)
      : this.aggregateInMemory(edges, entityRefs);
  }

  rateEntities(query: {
    from: number;
    to: number;
    entityRefs: string[];
  }): Promise<Map<string, DoraRating>> {
    return rateEntities(this.db, query);
  }

  private async aggregateInPostgres(
    edges: number[],
    entityRefs: string[] | undefined,
  ) {
    const from = edges[0];
    const to = edges[edges.length - 1];
    const scope = entityRefs ? 'AND entity_ref = ANY(?)' : '';
    const scopeBindings = entityRefs ? [entityRefs] : [];

    // Each query sorts its window's values for percentile_cont: let the
    // sort stay in memory rather than spill to disk. A few entities' rows
    // sort within the default memory: one round trip rather than four.
    const inMemory = (sql: string, bindings: Knex.RawBinding[]) =>
      entityRefs && entityRefs.length <= FEW_ENTITIES
        ? this.db.raw(sql, bindings)
        : this.db.transaction(async tx => {
            await tx.raw(`SET LOCAL work_mem = '${SORT_MEMORY}'`);
            return tx.raw(sql, bindings);
          });
    // Everybody's numbers over whole UTC days: from the rows per day,
    // without reading the window's deployments and commits.
    if (!entityRefs && coversWholeUtcDays(edges)) {
      return everybodyByDay(this.db, edges);
    }
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
    for (const row of rowsOf<{
      bucket: number | null;
      deployments: Millis;
      rework: Millis;
      failed: Millis;
      open_failures: Millis;
      recovery_median: number | null;
    }>(deploymentResult)) {
      Object.assign(target(row.bucket), {
        deployments: Number(row.deployments),
        reworkDeployments: Number(row.rework),
        failedDeployments: Number(row.failed),
        openFailures: Number(row.open_failures),
        recoveryMedianMs: numberOrNull(row.recovery_median),
      });
    }
    for (const row of rowsOf<{
      bucket: number | null;
      commits: Millis;
      lead_time: number[] | null;
    }>(commitResult)) {
      // percentile_cont of no rows is null, not an array of nulls.
      Object.assign(target(row.bucket), {
        leadTimeCommits: Number(row.commits),
        leadTimeMedianMs: numberOrNull(row.lead_time?.[0]),
        leadTimeP90Ms: numberOrNull(row.lead_time?.[1]),
      });
    }
    return { total, buckets };
  }

  private async aggregateInMemory(
    edges: number[],
    entityRefs: string[] | undefined,
  ) {
    const from = edges[0];
    const to = edges[edges.length - 1];
    const scopes = entityRefs ? chunks(entityRefs, IN_LIST_SIZE) : [undefined];
    const deployments: DeploymentFact[] = [];
    const leadTimes: LeadTimeFact[] = [];
    for (const scope of scopes) {
      const deploymentQuery = this.db('dora_deployments')
        .select('finished_at', 'trigger', 'failed', 'recovered_at')
        .where('finished_at', '>=', from)
        .where('finished_at', '<', to);
      const commitQuery = this.db('dora_commits')
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
}
