import { PromotionState } from './types';

/**
 * The promotion state machine: the states each state may change to.
 *
 * @public
 */
export const PROMOTION_STATE_TRANSITIONS: Readonly<
  Record<PromotionState, readonly PromotionState[]>
> = {
  pending_approval: ['approved', 'rejected', 'cancelled'],
  approved: ['executing', 'cancelled'],
  executing: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
  rejected: [],
  cancelled: [],
};

/**
 * Every promotion state, in the order of {@link PROMOTION_STATE_TRANSITIONS}.
 *
 * @public
 */
export const PROMOTION_STATES = Object.keys(
  PROMOTION_STATE_TRANSITIONS,
) as readonly PromotionState[];

/**
 * Whether a promotion in this state is still open: waiting, approved or
 * executing.
 *
 * @public
 */
export function isOpenPromotionState(state: PromotionState): boolean {
  return PROMOTION_STATE_TRANSITIONS[state].length > 0;
}

/**
 * The states of an open promotion (one that may still change), in the order of
 * {@link PROMOTION_STATES}.
 *
 * @public
 */
export const OPEN_PROMOTION_STATES: readonly PromotionState[] =
  PROMOTION_STATES.filter(isOpenPromotionState);

/**
 * Whether the state machine lets a promotion change from one state to another.
 *
 * @public
 */
export function canTransitionPromotion(
  from: PromotionState,
  to: PromotionState,
): boolean {
  return PROMOTION_STATE_TRANSITIONS[from].includes(to);
}

/**
 * The states from which the state machine lets a promotion change to `to`,
 * in the order of {@link PROMOTION_STATES}; empty for a state that only
 * starts a promotion.
 *
 * @public
 */
export function promotionStatesLeadingTo(to: PromotionState): PromotionState[] {
  return PROMOTION_STATES.filter(from => canTransitionPromotion(from, to));
}
