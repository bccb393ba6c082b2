import {
  PromotionState,
  isOpenPromotionState,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { Knex } from 'knex';
import { PromotionRow, toPromotionRecord } from './promotionRows';
import {
  NewPromotionRecord,
  PromotionInState,
  PromotionRecord,
} from './PromotionStore';
import { toMillis } from '../rows';
import { EntityFilter, whereEntities } from '../whereEntities';
import { insertTransition } from './insertTransition';
import { isUniqueViolation } from '../uniqueViolation';

// One open promotion per entity and environment, enforced by a unique index
// on this key (null once the promotion is closed).
const openKey = (entityRef: string, environment: string) =>
  `${entityRef}|${environment}`;

/** The `promotions` table: storing promotion requests and finding them. */
export class PromotionsTable {
  constructor(private readonly db: Knex) {}

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
          message: promotion.message ?? null,
          ...(promotion.gate && {
            gate: promotion.gate.source,
            gate_key: promotion.gate.key,
            gate_url: promotion.gate.url ?? null,
            gate_callback: JSON.stringify(promotion.gate.callback),
          }),
        });
        await insertTransition(tx, promotion.id, {
          to: promotion.state,
          actor: transition.actor,
          at,
          comment: transition.comment,
        });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error;
      }
      // The same request of a gate, delivered twice at once.
      const asked =
        promotion.gate && (await this.findGatedPromotion(promotion.gate.key));
      if (asked) {
        return { inserted: false, openPromotionId: asked.id };
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

  async listPromotions(
    query: EntityFilter & { states?: PromotionState[]; limit: number },
  ): Promise<PromotionRecord[]> {
    const select = whereEntities(this.db<PromotionRow>('promotions'), query);
    if (query.states?.length) {
      select.whereIn('state', query.states);
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

  async findUnusedGateApproval(query: {
    entityRef: string;
    environment: string;
    version: string;
    answeredSince: string;
  }): Promise<PromotionRecord | undefined> {
    const row = await this.db<PromotionRow>('promotions')
      .where({
        entity_ref: query.entityRef,
        environment: query.environment,
        version: query.version,
        gate_answer: 'approved',
      })
      .where('gate_answered_at', '>=', toMillis(query.answeredSince))
      .whereNotExists(later =>
        later
          .from('promotions as later')
          .whereRaw('later.entity_ref = promotions.entity_ref')
          .whereRaw('later.environment = promotions.environment')
          .whereRaw('later.version = promotions.version')
          .whereNull('later.gate')
          .whereRaw('later.requested_at >= promotions.gate_answered_at'),
      )
      .orderBy('gate_answered_at', 'desc')
      .first();
    return row ? toPromotionRecord(row) : undefined;
  }

  async findGatedPromotion(key: string): Promise<PromotionRecord | undefined> {
    const row = await this.db<PromotionRow>('promotions')
      .where('gate_key', key)
      .first();
    return row ? toPromotionRecord(row) : undefined;
  }

  async listIdsInState(
    state: PromotionState,
    options: { claimedBefore?: string; limit?: number } = {},
  ): Promise<PromotionInState[]> {
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
}
