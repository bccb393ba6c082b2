import { Knex } from 'knex';
import { toMillis } from '../rows';

// The decided states whose gate is answered: approved is answered
// `approved`, rejected and cancelled `rejected`.
const DECIDED_STATES = ['approved', 'rejected', 'cancelled'];

/**
 * Answering the gates of gated promotions, on the `promotions` table: each
 * answer is claimed with a compare-and-set, so that one replica at a time
 * answers it, and recorded once it is given, so that it is never given twice.
 */
export class GateAnswersTable {
  constructor(private readonly db: Knex) {}

  async listGateAnswersDue(query: {
    now: string;
    claimedBefore: string;
    limit?: number;
  }): Promise<string[]> {
    const rows = await this.unclaimed(
      this.db('promotions')
        .select('id')
        .whereNotNull('gate')
        .whereNull('gate_answered_at')
        .whereIn('state', DECIDED_STATES)
        .where(due =>
          due
            .whereNull('gate_next_attempt_at')
            .orWhere('gate_next_attempt_at', '<=', toMillis(query.now)),
        ),
      query.claimedBefore,
    )
      .orderBy([
        { column: 'updated_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(query.limit ?? 100);
    return rows.map((row: { id: string }) => row.id);
  }

  async claimGateAnswer(
    id: string,
    claim: { claimToken: string; at: string; claimedBefore: string },
  ): Promise<boolean> {
    const changed = await this.unclaimed(
      this.db('promotions')
        .where({ id })
        .whereNotNull('gate')
        .whereNull('gate_answered_at'),
      claim.claimedBefore,
    ).update({
      gate_claim_token: claim.claimToken,
      gate_claimed_at: toMillis(claim.at),
    });
    return changed === 1;
  }

  async recordGateAnswer(
    id: string,
    claimToken: string,
    answer: { answer: 'approved' | 'rejected'; at: string },
  ): Promise<boolean> {
    const changed = await this.db('promotions')
      .where({ id, gate_claim_token: claimToken })
      .whereNull('gate_answered_at')
      .update({
        gate_answer: answer.answer,
        gate_answered_at: toMillis(answer.at),
        gate_claim_token: null,
        gate_claimed_at: null,
        gate_next_attempt_at: null,
        gate_error: null,
      });
    return changed === 1;
  }

  async releaseGateAnswer(
    id: string,
    claimToken: string,
    failure: { error: string; retryAt?: string },
  ): Promise<void> {
    await this.db('promotions')
      .where({ id, gate_claim_token: claimToken })
      .update({
        gate_claim_token: null,
        gate_claimed_at: null,
        gate_error: failure.error,
        gate_attempts: this.db.raw('gate_attempts + 1'),
        // Far in the future: a gate that refused the answer is not asked again.
        gate_next_attempt_at: failure.retryAt
          ? toMillis(failure.retryAt)
          : Number.MAX_SAFE_INTEGER,
      });
  }

  /** Not claimed, or claimed by a caller that went away before the time. */
  private unclaimed(query: Knex.QueryBuilder, claimedBefore: string) {
    return query.where(free =>
      free
        .whereNull('gate_claimed_at')
        .orWhere('gate_claimed_at', '<', toMillis(claimedBefore)),
    );
  }
}
