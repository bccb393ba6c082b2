import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  PromotionApproval,
  PromotionState,
  PromotionTransition,
  PromotionTrigger,
  isOpenPromotionState,
} from '@internal/backstage-plugin-delivery-common';
import { Knex } from 'knex';
import { chunks } from './chunks';
import {
  PromotionRow,
  toApproval,
  toFreezeWindowRecord,
  toPromotionRecord,
  toRolledBackVersion,
  toTransition,
} from './promotionRows';
import {
  ApprovalOutcome,
  FreezeWindowRecord,
  NewPromotionRecord,
  PromotionOutcome,
  PromotionRecord,
  PromotionStateChange,
  PromotionStore,
  RolledBackVersion,
} from './PromotionStore';
import { toMillis } from './rows';

const migrationsDir = resolvePackagePath(
  '@internal/backstage-plugin-delivery-backend',
  'migrations',
);

// One open promotion per entity and environment, enforced by a unique index
// on this key (null once the promotion is closed).
const openKey = (entityRef: string, environment: string) =>
  `${entityRef}|${environment}`;

function isUniqueViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as {
    code?: string;
    message?: string;
  };
  return (
    code === '23505' || // PostgreSQL unique_violation
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed/.test(message ?? '')
  );
}

function outcomeColumns(set: PromotionOutcome | undefined) {
  if (!set) {
    return {};
  }
  const columns: Record<string, string | number | null> = {};
  if (set.claimToken !== undefined) columns.claim_token = set.claimToken;
  if (set.claimedAt !== undefined) columns.claimed_at = toMillis(set.claimedAt);
  if (set.deploymentId !== undefined) columns.deployment_id = set.deploymentId;
  if (set.url !== undefined) columns.url = set.url;
  if (set.gitopsCommitSha !== undefined)
    columns.gitops_commit_sha = set.gitopsCommitSha;
  if (set.message !== undefined) columns.message = set.message;
  return columns;
}

/** The Knex implementation of {@link PromotionStore}, for SQLite and PostgreSQL. */
export class DatabasePromotionStore implements PromotionStore {
  /** Connects to the plugin's database and, unless skipped, migrates it. */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabasePromotionStore> {
    const { database, skipMigrations } = options;
    const client = await database.getClient();
    if (!database.migrations?.skip && !skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabasePromotionStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async insertPromotion(
    promotion: NewPromotionRecord,
    transition: { actor: string; comment?: string },
  ): Promise<
    { inserted: true } | { inserted: false; openPromotionId: string }
  > {
    const key = openKey(promotion.entityRef, promotion.environment);
    const at = toMillis(promotion.requestedAt);
    const open = isOpenPromotionState(promotion.state);
    try {
      await this.db.transaction(async tx => {
        await tx('promotions').insert({
          id: promotion.id,
          entity_ref: promotion.entityRef,
          environment: promotion.environment,
          version: promotion.version,
          from_version: promotion.fromVersion ?? null,
          trigger: promotion.trigger,
          reason: promotion.reason,
          state: promotion.state,
          requested_by: promotion.requestedBy,
          requested_at: at,
          updated_at: at,
          required_approvals: promotion.requiredApprovals,
          approvers: JSON.stringify(promotion.approvers),
          allow_self_approval: promotion.allowSelfApproval,
          open_key: open ? key : null,
        });
        await tx('promotion_transitions').insert({
          promotion_id: promotion.id,
          from_state: null,
          to_state: promotion.state,
          actor: transition.actor,
          at,
          comment: transition.comment ?? null,
        });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error;
      }
      const existing = await this.findOpenPromotion(
        promotion.entityRef,
        promotion.environment,
      );
      if (!existing) {
        throw error;
      }
      return { inserted: false, openPromotionId: existing.id };
    }
    return { inserted: true };
  }

  async getPromotion(id: string): Promise<PromotionRecord | undefined> {
    const row = await this.db<PromotionRow>('promotions').where({ id }).first();
    return row ? toPromotionRecord(row) : undefined;
  }

  async listPromotions(query: {
    states?: PromotionState[];
    entityRef?: string;
    environment?: string;
    limit: number;
  }): Promise<PromotionRecord[]> {
    const select = this.db<PromotionRow>('promotions');
    if (query.states?.length) {
      select.whereIn('state', query.states);
    }
    if (query.entityRef) {
      select.where('entity_ref', query.entityRef);
    }
    if (query.environment) {
      select.where('environment', query.environment);
    }
    const rows = await select
      .orderBy([
        { column: 'requested_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(query.limit);
    return rows.map(toPromotionRecord);
  }

  async findOpenPromotion(
    entityRef: string,
    environment: string,
  ): Promise<PromotionRecord | undefined> {
    const row = await this.db<PromotionRow>('promotions')
      .where('open_key', openKey(entityRef, environment))
      .first();
    return row ? toPromotionRecord(row) : undefined;
  }

  async listTransitions(id: string): Promise<PromotionTransition[]> {
    const rows = await this.db('promotion_transitions')
      .select('from_state', 'to_state', 'actor', 'at', 'comment')
      .where('promotion_id', id)
      .orderBy('id', 'asc');
    return rows.map(toTransition);
  }

  async listApprovals(
    ids: string[],
  ): Promise<Map<string, PromotionApproval[]>> {
    const approvals = new Map<string, PromotionApproval[]>(
      ids.map(id => [id, []]),
    );
    for (const chunk of chunks(ids, 500)) {
      const rows = await this.db('promotion_approvals')
        .select('promotion_id', 'approver', 'approved_at', 'comment')
        .whereIn('promotion_id', chunk)
        .orderBy([
          { column: 'approved_at', order: 'asc' },
          { column: 'approver', order: 'asc' },
        ]);
      for (const row of rows) {
        approvals.get(row.promotion_id)?.push(toApproval(row));
      }
    }
    return approvals;
  }

  async changeState(
    id: string,
    change: PromotionStateChange,
  ): Promise<boolean> {
    const at = toMillis(change.at);
    return this.db.transaction(async tx => {
      // One compare-and-set per allowed state, so that the transition names
      // the state the promotion really was in.
      for (const from of change.from) {
        const update = tx('promotions').where({ id, state: from });
        if (change.claimToken !== undefined) {
          update.where('claim_token', change.claimToken);
        }
        const count = await update.update({
          state: change.to,
          updated_at: at,
          ...(!isOpenPromotionState(change.to) && { open_key: null }),
          ...outcomeColumns(change.set),
        });
        if (count === 1) {
          await this.insertTransition(tx, id, {
            from,
            to: change.to,
            actor: change.actor,
            at,
            comment: change.comment,
          });
          return true;
        }
      }
      return false;
    });
  }

  async approve(
    id: string,
    approval: { approver: string; at: string; comment?: string },
  ): Promise<ApprovalOutcome> {
    const at = toMillis(approval.at);
    return this.db.transaction(async tx => {
      // Locks the promotion's row (PostgreSQL) or the database (SQLite), so
      // that concurrent approvals are counted one after the other.
      const locked = await tx('promotions')
        .where({ id, state: 'pending_approval' })
        .update({ updated_at: at });
      if (locked !== 1) {
        return { outcome: 'not_pending' } as const;
      }
      const existing = await tx('promotion_approvals')
        .where({ promotion_id: id, approver: approval.approver })
        .first();
      if (existing) {
        return { outcome: 'already_approved' } as const;
      }
      await tx('promotion_approvals').insert({
        promotion_id: id,
        approver: approval.approver,
        approved_at: at,
        comment: approval.comment ?? null,
      });
      const [{ count }] = await tx('promotion_approvals')
        .where({ promotion_id: id })
        .count({ count: '*' });
      const approvals = Number(count);
      const { required_approvals: required } = await tx('promotions')
        .select('required_approvals')
        .where({ id })
        .first();
      if (approvals < Number(required)) {
        return { outcome: 'recorded', approvals } as const;
      }
      await tx('promotions')
        .where({ id })
        .update({ state: 'approved', updated_at: at });
      await this.insertTransition(tx, id, {
        from: 'pending_approval',
        to: 'approved',
        actor: approval.approver,
        at,
        comment: approval.comment,
      });
      return { outcome: 'approved', approvals } as const;
    });
  }

  async listIdsInState(
    state: PromotionState,
    options: { claimedBefore?: string; limit?: number } = {},
  ): Promise<
    Array<{
      id: string;
      environment: string;
      trigger: PromotionTrigger;
      claimToken?: string;
    }>
  > {
    const select = this.db('promotions')
      .select('id', 'environment', 'trigger', 'claim_token')
      .where('state', state);
    if (options.claimedBefore) {
      select.where('claimed_at', '<', toMillis(options.claimedBefore));
    }
    const rows = await select
      .orderBy([
        { column: 'updated_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(options.limit ?? 100);
    return rows.map(row => ({
      id: row.id,
      environment: row.environment,
      trigger: row.trigger,
      ...(row.claim_token && { claimToken: row.claim_token }),
    }));
  }

  async addFreezeWindow(window: FreezeWindowRecord): Promise<void> {
    await this.db('freeze_windows').insert({
      id: window.id,
      environment: window.environment,
      start_at: toMillis(window.start),
      end_at: toMillis(window.end),
      reason: window.reason ?? null,
      created_by: window.createdBy,
      created_at: toMillis(window.createdAt),
    });
  }

  async listFreezeWindows(query: {
    environment?: string;
    endingAfter: string;
  }): Promise<FreezeWindowRecord[]> {
    const select = this.db('freeze_windows').where(
      'end_at',
      '>',
      toMillis(query.endingAfter),
    );
    if (query.environment) {
      select.where('environment', query.environment);
    }
    const rows = await select.orderBy([
      { column: 'start_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    return rows.map(toFreezeWindowRecord);
  }

  async deleteFreezeWindow(id: string): Promise<boolean> {
    return (await this.db('freeze_windows').where({ id }).delete()) > 0;
  }

  async markRolledBack(version: RolledBackVersion): Promise<void> {
    await this.db('rolled_back_versions')
      .insert({
        entity_ref: version.entityRef,
        environment: version.environment,
        version: version.version,
        promotion_id: version.promotionId,
        rolled_back_by: version.rolledBackBy,
        rolled_back_at: toMillis(version.rolledBackAt),
      })
      .onConflict(['entity_ref', 'environment', 'version'])
      .merge(['promotion_id', 'rolled_back_by', 'rolled_back_at']);
  }

  async listRolledBack(entityRef: string): Promise<RolledBackVersion[]> {
    const rows = await this.db('rolled_back_versions')
      .where('entity_ref', entityRef)
      .orderBy([
        { column: 'rolled_back_at', order: 'desc' },
        { column: 'environment', order: 'asc' },
      ]);
    return rows.map(toRolledBackVersion);
  }

  private async insertTransition(
    tx: Knex.Transaction,
    id: string,
    transition: {
      from?: string;
      to: string;
      actor: string;
      at: number;
      comment?: string;
    },
  ) {
    await tx('promotion_transitions').insert({
      promotion_id: id,
      from_state: transition.from ?? null,
      to_state: transition.to,
      actor: transition.actor,
      at: transition.at,
      comment: transition.comment ?? null,
    });
  }
}
