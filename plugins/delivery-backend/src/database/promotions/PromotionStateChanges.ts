import {
  PromotionApproval,
  PromotionTransition,
  isOpenPromotionState,
  promotionStatesLeadingTo,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { Knex } from 'knex';
import { groupedByIds } from '../chunks';
import { ApprovalRow, toApproval, toTransition } from './promotionRows';
import {
  ApprovalOutcome,
  PromotionOutcome,
  PromotionStateChange,
} from './PromotionStore';
import { toMillis } from '../rows';
import { insertTransition } from './insertTransition';

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

/**
 * A promotion's state machine as stored: compare-and-set state changes and
 * approvals, each with its transition, and reading them back.
 */
export class PromotionStateChanges {
  constructor(private readonly db: Knex) {}

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
    return groupedByIds(
      ids,
      (chunk): Promise<ApprovalRow[]> =>
        this.db('promotion_approvals')
          .select('promotion_id', 'approver', 'approved_at', 'comment')
          .whereIn('promotion_id', chunk)
          .orderBy([
            { column: 'approved_at', order: 'asc' },
            { column: 'approver', order: 'asc' },
          ]),
      row => row.promotion_id,
      toApproval,
    );
  }

  async transition(id: string, change: PromotionStateChange): Promise<boolean> {
    return this.db.transaction(tx => this.transitionIn(tx, id, change));
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
        .where({ id })
        .whereIn('state', promotionStatesLeadingTo('approved'))
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
      await this.transitionIn(tx, id, {
        to: 'approved',
        actor: approval.approver,
        at: approval.at,
        comment: approval.comment,
      });
      return { outcome: 'approved', approvals } as const;
    });
  }

  /**
   * The one compare-and-set of a state: tried from each state the state
   * machine leads to `change.to` from, so that the transition names the
   * state the promotion really was in.
   */
  private async transitionIn(
    tx: Knex.Transaction,
    id: string,
    change: PromotionStateChange,
  ): Promise<boolean> {
    const at = toMillis(change.at);
    for (const from of promotionStatesLeadingTo(change.to)) {
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
        await insertTransition(tx, id, {
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
  }
}
