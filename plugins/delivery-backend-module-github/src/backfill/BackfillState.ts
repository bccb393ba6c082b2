import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const TABLE = 'delivery_github_backfill';

const migrationsDir = resolvePackagePath(
  '@domain-delivery/backstage-plugin-delivery-backend-module-github',
  'migrations',
);

/** The lists of a repository the backfill reads. */
export type BackfillFeed = 'deployments' | 'workflow_runs';

/** An item that was still going on when last read, to be read again. */
export interface UnfinishedItem {
  id: number;
  /** The ETag of its own resource, for a conditional request. */
  etag?: string;
}

/** Where the backfill left one list of one repository. */
export interface FeedPosition {
  /** The ETag of the list's first page. */
  etag?: string;
  /** The latest `updated_at` among the items read: later runs read only newer ones. */
  seenUpTo: string;
  /** Items that had not finished: read again until they have. */
  unfinished: UnfinishedItem[];
}

interface Row {
  repository: string;
  feed: string;
  etag: string | null;
  cursor: string;
}

/**
 * The module's own small table, in the delivery plugin's database, with its
 * own migrations (and their own bookkeeping table), so that the delivery
 * plugin's schema stays the plugin's.
 */
export class BackfillState {
  static async create(database: DatabaseService): Promise<BackfillState> {
    const db = await database.getClient();
    if (!database.migrations?.skip) {
      await db.migrate.latest({
        directory: migrationsDir,
        tableName: 'delivery_github_knex_migrations',
      });
    }
    return new BackfillState(db);
  }

  private constructor(private readonly db: Knex) {}

  async get(
    repository: string,
    feed: BackfillFeed,
  ): Promise<FeedPosition | undefined> {
    const row: Row | undefined = await this.db(TABLE)
      .where({ repository, feed })
      .first();
    if (!row) {
      return undefined;
    }
    const cursor = JSON.parse(row.cursor) as Omit<FeedPosition, 'etag'>;
    return { ...cursor, ...(row.etag && { etag: row.etag }) };
  }

  async set(
    repository: string,
    feed: BackfillFeed,
    position: FeedPosition,
  ): Promise<void> {
    const { etag, ...cursor } = position;
    await this.db(TABLE)
      .insert({
        repository,
        feed,
        etag: etag ?? null,
        cursor: JSON.stringify(cursor),
        updated_at: Date.now(),
      })
      .onConflict(['repository', 'feed'])
      .merge();
  }
}
