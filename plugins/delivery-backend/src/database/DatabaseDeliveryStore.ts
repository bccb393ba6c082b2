import {
  DatabaseService,
  LoggerService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  DeploymentCommit,
  DeploymentEvent,
  Incident,
  IncidentEvent,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { Knex } from 'knex';
import { groupedByIds, inChunks } from './chunks';
import { latestDeploymentIds } from './latestDeploymentIds';
import {
  DeliveryStore,
  DeploymentHistoryQuery,
  DeploymentRecord,
  DeploymentsChangedListener,
  IngestConflicts,
  IncidentQuery,
  SucceededDeploymentQuery,
} from './DeliveryStore';
import {
  CommitRow,
  DEPLOYMENT_COLUMNS,
  INCIDENT_COLUMNS,
  IncidentRow,
  toCommit,
  toDeploymentRecord,
  toIncident,
  toMillis,
} from './rows';
import { BackgroundDoraRebuild } from './dora/backgroundRebuild';
import { deriveOrDefer } from './dora/deriveOrDefer';
import {
  DEFAULT_DORA_SETTINGS,
  DoraDerivationSettings,
} from './dora/DoraDerivationSettings';
import { upsertDeployments, upsertIncidents } from './upsertEvents';
import { whereEntities } from './whereEntities';

const migrationsDir = resolvePackagePath(
  '@domain-delivery/backstage-plugin-delivery-backend',
  'migrations',
);

/** The Knex implementation of {@link DeliveryStore}, for SQLite and PostgreSQL. */
export class DatabaseDeliveryStore implements DeliveryStore {
  /**
   * Connects to the plugin's database and, unless skipped, migrates it. If
   * the DORA tables were derived with other settings, they are derived again
   * in the background (see {@link BackgroundDoraRebuild}); this does not
   * wait for it.
   */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
    /** What DORA counts; the default environments' (prod) if left out. */
    dora?: DoraDerivationSettings;
    /** Told of every batch that stored or changed deployments, once it is committed. */
    onDeploymentsChanged?: DeploymentsChangedListener;
    /** Where a background rebuild of the DORA tables reports. */
    logger?: LoggerService;
    /** How often a replica that found another one rebuilding looks again. */
    doraRebuildRetryMs?: number;
  }): Promise<DatabaseDeliveryStore> {
    const { database, skipMigrations } = options;
    const dora = options.dora ?? DEFAULT_DORA_SETTINGS;
    const client = await database.getClient();
    if (!database.migrations?.skip && !skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    const doraRebuild = new BackgroundDoraRebuild(client, dora, {
      logger: options.logger,
      retryMs: options.doraRebuildRetryMs,
    });
    await doraRebuild.start();
    return new DatabaseDeliveryStore(
      client,
      dora,
      doraRebuild,
      options.onDeploymentsChanged,
    );
  }

  private constructor(
    private readonly db: Knex,
    private readonly dora: DoraDerivationSettings,
    private readonly doraRebuild: BackgroundDoraRebuild,
    private readonly onDeploymentsChanged?: DeploymentsChangedListener,
  ) {}

  /** Resolves once the DORA tables are derived with this store's settings. */
  whenDoraTablesCurrent(): Promise<void> {
    return this.doraRebuild.whenCurrent();
  }

  /** Stops waiting to rebuild the DORA tables, at shutdown. */
  stopDoraRebuild(): void {
    this.doraRebuild.stop();
  }

  async ingest(
    deployments: DeploymentEvent[],
    incidents: IncidentEvent[],
  ): Promise<IngestConflicts> {
    if (deployments.length === 0 && incidents.length === 0) {
      return { deployments: [], incidents: [] };
    }
    const now = Date.now();
    const { changedIds, conflicts } = await this.db.transaction(async tx => {
      const upserted = await upsertDeployments(tx, deployments, now);
      const incidentsUpserted = await upsertIncidents(tx, incidents, now);
      // DORA's tables follow in the same transaction (or after a rebuild).
      await deriveOrDefer(tx, this.dora, {
        deploymentIds: upserted.changedIds,
        storedDeployments: upserted.stored,
        replacedDeploymentIds: upserted.replacedIds,
        replacedCommits: upserted.replacedCommits,
        listedCommits: upserted.listedCommits,
        incidentIds: incidentsUpserted.changedIds,
      });
      return {
        changedIds: upserted.changedIds,
        conflicts: {
          deployments: upserted.conflicts,
          incidents: incidentsUpserted.conflicts,
        },
      };
    });
    if (changedIds.length > 0 && this.onDeploymentsChanged) {
      const changed = new Set(changedIds);
      await this.onDeploymentsChanged(
        deployments
          .filter(event => changed.has(event.id))
          .map(({ entityRef, environment }) => ({ entityRef, environment })),
      );
    }
    return conflicts;
  }

  async listDeployments(
    query: DeploymentHistoryQuery,
  ): Promise<DeploymentRecord[]> {
    const { statuses, since, after, limit } = query;
    // The entities in one list, not chunks, so that one ordered query pages
    // the lot; the service bounds it (a request's refs, a domain's or owner's
    // entities).
    const select = whereEntities(
      this.db('deployments').select(DEPLOYMENT_COLUMNS),
      query,
    );
    if (statuses) {
      select.whereIn('status', statuses);
    }
    if (since) {
      // sort_at is finished_at, or started_at while in progress: exactly
      // "finished at or after, or still running and started at or after".
      select.where('sort_at', '>=', toMillis(since));
    }
    if (after) {
      const at = toMillis(after.at);
      select.where(older =>
        older
          .where('sort_at', '<', at)
          .orWhere(tie =>
            tie.where('sort_at', at).andWhere('id', '<', after.id),
          ),
      );
    }
    const rows = await select
      .orderBy([
        { column: 'sort_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(toDeploymentRecord);
  }

  async getDeployments(ids: string[]): Promise<DeploymentRecord[]> {
    const rows = await inChunks(ids, chunk =>
      this.db('deployments').select(DEPLOYMENT_COLUMNS).whereIn('id', chunk),
    );
    return rows.map(toDeploymentRecord);
  }

  async getLatestDeployments(options: {
    entityRefs: string[];
    environments: string[];
    succeededOnly: boolean;
  }): Promise<DeploymentRecord[]> {
    return this.getDeployments(await latestDeploymentIds(this.db, options));
  }

  async listSucceededDeployments(
    query: SucceededDeploymentQuery & {
      order?: 'newest' | 'oldest';
      limit: number;
    },
  ): Promise<DeploymentRecord[]> {
    const select = this.db('deployments').select(DEPLOYMENT_COLUMNS).where({
      entity_ref: query.entityRef,
      environment: query.environment,
      status: 'succeeded',
    });
    if (query.version !== undefined) {
      select.where('version', query.version);
    }
    if (query.otherThanVersion !== undefined) {
      select.whereNot('version', query.otherThanVersion);
    }
    if (query.finishedBefore) {
      select.where('finished_at', '<', toMillis(query.finishedBefore));
    }
    if (query.finishedAfter) {
      select.where('finished_at', '>', toMillis(query.finishedAfter));
    }
    const direction = query.order === 'oldest' ? 'asc' : 'desc';
    const rows = await select
      .orderBy([
        { column: 'finished_at', order: direction },
        { column: 'id', order: direction },
      ])
      .limit(query.limit);
    return rows.map(toDeploymentRecord);
  }

  async getCommits(
    deploymentIds: string[],
  ): Promise<Map<string, DeploymentCommit[]>> {
    return groupedByIds(
      deploymentIds,
      (chunk): Promise<CommitRow[]> =>
        this.db('deployment_commits')
          .select('deployment_id', 'sha', 'committed_at', 'message', 'author')
          .whereIn('deployment_id', chunk)
          .orderBy([
            { column: 'committed_at', order: 'desc' },
            { column: 'sha', order: 'asc' },
          ]),
      row => row.deployment_id,
      toCommit,
    );
  }

  async listIncidents(
    query: IncidentQuery & { limit?: number },
  ): Promise<Incident[]> {
    const select = this.selectIncidents(query)
      .select(INCIDENT_COLUMNS)
      .orderBy([
        { column: 'opened_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    if (query.limit !== undefined) {
      select.limit(query.limit);
    }
    const rows: IncidentRow[] = await select;
    return rows.map(toIncident);
  }

  async countIncidents(query: IncidentQuery): Promise<number> {
    const [{ count }] = await this.selectIncidents(query).count({
      count: '*',
    });
    // PostgreSQL answers a count as a string, SQLite as a number.
    return Number(count);
  }

  private selectIncidents(query: IncidentQuery): Knex.QueryBuilder {
    const select = whereEntities(this.db('incidents'), query);
    if (query.open === true) {
      select.whereNull('resolved_at');
    } else if (query.open === false) {
      select.whereNotNull('resolved_at');
    }
    return select;
  }
}
