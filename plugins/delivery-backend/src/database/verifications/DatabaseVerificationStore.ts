import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { inChunks } from '../chunks';
import {
  ClaimedVerification,
  DueQuery,
  VerificationRecord,
  VerificationStore,
} from './VerificationStore';

const migrationsDir = resolvePackagePath(
  '@domain-delivery/backstage-plugin-delivery-backend',
  'migrations',
);

const TABLE = 'deployment_verifications';

interface VerificationRow {
  deployment_id: string;
  entity_ref: string;
  environment: string;
  version: string;
  state: string;
  reason: string | null;
  checks: string;
  started_at: string | number;
  finished_at: string | number | null;
  next_check_at: string | number | null;
  claim_token: string | null;
  claimed_at: string | number | null;
  follow_up: string | null;
  incident_id: string | null;
  incident_resolved_at: string | number | null;
  rollback_promotion_id: string | null;
}

const millis = (iso: string) => Date.parse(iso);
const iso = (value: string | number) => new Date(Number(value)).toISOString();
const optionalMillis = (value?: string) =>
  value === undefined ? null : millis(value);

function toRecord(row: VerificationRow): VerificationRecord {
  return {
    deploymentId: row.deployment_id,
    entityRef: row.entity_ref,
    environment: row.environment,
    version: row.version,
    state: row.state as VerificationRecord['state'],
    ...(row.reason !== null && { reason: row.reason }),
    checks: JSON.parse(row.checks),
    startedAt: iso(row.started_at),
    ...(row.finished_at !== null && { finishedAt: iso(row.finished_at) }),
    ...(row.next_check_at !== null && { nextCheckAt: iso(row.next_check_at) }),
    ...(row.follow_up !== null && {
      followUp: row.follow_up as VerificationRecord['followUp'],
    }),
    ...(row.incident_id !== null && { incidentId: row.incident_id }),
    ...(row.incident_resolved_at !== null && {
      incidentResolvedAt: iso(row.incident_resolved_at),
    }),
    ...(row.rollback_promotion_id !== null && {
      rollbackPromotionId: row.rollback_promotion_id,
    }),
  };
}

// The columns a verification's progress changes.
function progressColumns(record: VerificationRecord) {
  return {
    state: record.state,
    reason: record.reason ?? null,
    checks: JSON.stringify(record.checks),
    finished_at: optionalMillis(record.finishedAt),
    next_check_at: optionalMillis(record.nextCheckAt),
    follow_up: record.followUp ?? null,
    incident_id: record.incidentId ?? null,
    incident_resolved_at: optionalMillis(record.incidentResolvedAt),
    rollback_promotion_id: record.rollbackPromotionId ?? null,
  };
}

/** The Knex implementation of {@link VerificationStore}, for SQLite and PostgreSQL. */
export class DatabaseVerificationStore implements VerificationStore {
  /** Connects to the plugin's database and, unless skipped, migrates it. */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseVerificationStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseVerificationStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async start(verifications: VerificationRecord[]): Promise<void> {
    if (verifications.length === 0) {
      return;
    }
    await this.db(TABLE)
      .insert(
        verifications.map(record => ({
          deployment_id: record.deploymentId,
          entity_ref: record.entityRef,
          environment: record.environment,
          version: record.version,
          started_at: millis(record.startedAt),
          ...progressColumns(record),
        })),
      )
      .onConflict('deployment_id')
      .ignore();
  }

  async get(deploymentIds: string[]): Promise<Map<string, VerificationRecord>> {
    const rows = await inChunks(
      deploymentIds,
      (ids): Promise<VerificationRow[]> =>
        this.db(TABLE).whereIn('deployment_id', ids),
    );
    return new Map(rows.map(row => [row.deployment_id, toRecord(row)]));
  }

  async listDue(options: DueQuery & { limit: number }): Promise<string[]> {
    return this.due(this.db(TABLE), options)
      .orderBy('next_check_at')
      .limit(options.limit)
      .pluck('deployment_id');
  }

  async claim(
    deploymentId: string,
    options: DueQuery,
  ): Promise<ClaimedVerification | undefined> {
    const claimToken = randomUUID();
    // The same conditions as listDue: only one caller's update matches.
    const updated = await this.due(this.db(TABLE), options)
      .where({ deployment_id: deploymentId })
      .update({ claim_token: claimToken, claimed_at: millis(options.now) });
    if (updated !== 1) {
      return undefined;
    }
    const row: VerificationRow = await this.db(TABLE)
      .where({ deployment_id: deploymentId })
      .first();
    return { verification: toRecord(row), claimToken };
  }

  // Due (running and due, or failed with a follow-up pending), and free.
  private due(query: Knex.QueryBuilder, options: DueQuery) {
    const now = millis(options.now);
    return query
      .where(q =>
        q
          .where(running =>
            running.where('state', 'running').where('next_check_at', '<=', now),
          )
          .orWhere('follow_up', 'pending'),
      )
      .where(q =>
        q
          .whereNull('claim_token')
          .orWhere('claimed_at', '<', millis(options.staleBefore)),
      );
  }

  async save(
    verification: VerificationRecord,
    claimToken: string,
    options: { release: boolean },
  ): Promise<boolean> {
    const updated = await this.db(TABLE)
      .where({
        deployment_id: verification.deploymentId,
        claim_token: claimToken,
      })
      .update({
        ...progressColumns(verification),
        ...(options.release && { claim_token: null, claimed_at: null }),
      });
    return updated === 1;
  }

  async listForVersion(
    entityRef: string,
    environment: string,
    version: string,
  ): Promise<VerificationRecord[]> {
    const rows: VerificationRow[] = await this.db(TABLE)
      .where({ entity_ref: entityRef, environment, version })
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'deployment_id', order: 'desc' },
      ]);
    return rows.map(toRecord);
  }

  async listOpenIncidents(
    entityRef: string,
    environment: string,
  ): Promise<VerificationRecord[]> {
    const rows: VerificationRow[] = await this.db(TABLE)
      .where({ entity_ref: entityRef, environment, state: 'failed' })
      .whereNotNull('incident_id')
      .whereNull('incident_resolved_at');
    return rows.map(toRecord);
  }

  async resolveIncident(
    deploymentId: string,
    resolvedAt: string,
  ): Promise<void> {
    await this.db(TABLE)
      .where({ deployment_id: deploymentId })
      .whereNull('incident_resolved_at')
      .update({ incident_resolved_at: millis(resolvedAt) });
  }
}
