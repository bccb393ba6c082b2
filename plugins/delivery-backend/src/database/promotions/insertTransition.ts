import { Knex } from 'knex';

/** A promotion's transition as stored, with its time in milliseconds. */
export interface StoredTransition {
  from?: string;
  to: string;
  actor: string;
  at: number;
  comment?: string;
}

/** Stores a transition of the promotion, within the transaction that made it. */
export async function insertTransition(
  tx: Knex.Transaction,
  id: string,
  transition: StoredTransition,
): Promise<void> {
  await tx('promotion_transitions').insert({
    promotion_id: id,
    from_state: transition.from ?? null,
    to_state: transition.to,
    actor: transition.actor,
    at: transition.at,
    comment: transition.comment ?? null,
  });
}
