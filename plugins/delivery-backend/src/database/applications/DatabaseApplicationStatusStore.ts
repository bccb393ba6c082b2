import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { normalizeEntityRef } from '@domain-delivery/backstage-plugin-delivery-common';
import { EntityApplicationStatus } from '@domain-delivery/backstage-plugin-delivery-node';
import { Knex } from 'knex';
import { ApplicationStatusStore } from './ApplicationStatusStore';

const migrationsDir = resolvePackagePath(
  '@domain-delivery/backstage-plugin-delivery-backend',
  'migrations',
);

const TABLE = 'application_statuses';

// Statuses are stored this many at a time, well below SQLite's bound variables.
const BATCH_SIZE = 200;

interface ApplicationStatusRow {
  entity_ref: string;
  environment: string;
  source: string;
  name: string;
  sync_status: string;
  health_status: string;
  health_message: string | null;
  revision: string | null;
  url: string | null;
  observed_at: string | number;
}

function toRow(status: EntityApplicationStatus): ApplicationStatusRow {
  return {
    entity_ref: normalizeEntityRef(status.entityRef),
    environment: status.environment,
    source: status.source,
    name: status.name,
    sync_status: status.syncStatus,
    health_status: status.healthStatus,
    health_message: status.healthMessage ?? null,
    revision: status.revision ?? null,
    url: status.url ?? null,
    observed_at: Date.parse(status.observedAt),
  };
}

function toStatus(row: ApplicationStatusRow): EntityApplicationStatus {
  return {
    entityRef: row.entity_ref,
    environment: row.environment,
    source: row.source,
    name: row.name,
    syncStatus: row.sync_status,
    healthStatus: row.health_status,
    ...(row.health_message !== null && { healthMessage: row.health_message }),
    ...(row.revision !== null && { revision: row.revision }),
    ...(row.url !== null && { url: row.url }),
    observedAt: new Date(Number(row.observed_at)).toISOString(),
  };
}

/** The Knex implementation of {@link ApplicationStatusStore}, for SQLite and PostgreSQL. */
export class DatabaseApplicationStatusStore implements ApplicationStatusStore {
  /** Connects to the plugin's database and, unless skipped, migrates it. */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseApplicationStatusStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseApplicationStatusStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async record(statuses: EntityApplicationStatus[]): Promise<void> {
    // The last status of an entity, environment and source in one batch wins.
    const latest = new Map(
      statuses.map(status => {
        const row = toRow(status);
        return [
          JSON.stringify([row.entity_ref, row.environment, row.source]),
          row,
        ];
      }),
    );
    const rows = [...latest.values()];
    for (let start = 0; start < rows.length; start += BATCH_SIZE) {
      await this.db(TABLE)
        .insert(rows.slice(start, start + BATCH_SIZE))
        .onConflict(['entity_ref', 'environment', 'source'])
        .merge();
    }
  }

  async listForEntity(entityRef: string): Promise<EntityApplicationStatus[]> {
    const rows: ApplicationStatusRow[] = await this.db(TABLE).where({
      entity_ref: normalizeEntityRef(entityRef),
    });
    return rows.map(toStatus);
  }
}
