import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { EMPTY_AGGREGATE as EMPTY } from './aggregateByEntity';
import { rateEntities } from './rateEntities';
import { isPostgres, rowsOf } from './doraStatements';
import { entityByDay } from './entityByDay';
import { coversWholeUtcDays, everybodyByDay } from './everybodyByDay';
import {
  aggregateWindowInMemory,
  aggregateWindowInPostgres,
} from './windowAggregate';
import {
  DoraAggregate,
  DoraAggregateQuery,
  DoraRating,
  DoraStore,
} from './DoraStore';

/**
 * The Knex implementation of {@link DoraStore}, over the tables that
 * ingestion derives (see `deriveIngested`). On PostgreSQL, everybody's or
 * one entity's window over whole UTC days reads rows per day
 * (`everybodyByDay`, `entityByDay`); other windows and scopes read only the
 * window's rows through an index and aggregate them in SQL, medians with
 * `percentile_cont`. SQLite answers the rows and they are aggregated in
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
    if (!isPostgres(this.db)) {
      return aggregateWindowInMemory(this.db, edges, entityRefs);
    }
    // Everybody's numbers, or one entity's, over whole UTC days: from the
    // rows per day, without reading the window's deployments and commits.
    if (coversWholeUtcDays(edges)) {
      if (!entityRefs) {
        return everybodyByDay(this.db, edges);
      }
      if (entityRefs.length === 1) {
        return entityByDay(this.db, entityRefs[0], edges);
      }
    }
    return aggregateWindowInPostgres(this.db, edges, entityRefs);
  }

  rateEntities(query: {
    from: number;
    to: number;
    entityRefs: string[];
  }): Promise<Map<string, DoraRating>> {
    return rateEntities(this.db, query);
  }
}
