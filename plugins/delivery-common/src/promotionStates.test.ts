import {
  OPEN_PROMOTION_STATES,
  PROMOTION_STATES,
  canTransitionPromotion,
  isOpenPromotionState,
  promotionStatesLeadingTo,
} from './promotionStates';

describe('promotion states', () => {
  it('follows pending_approval → approved → executing → succeeded | failed', () => {
    expect(canTransitionPromotion('pending_approval', 'approved')).toBe(true);
    expect(canTransitionPromotion('approved', 'executing')).toBe(true);
    expect(canTransitionPromotion('executing', 'succeeded')).toBe(true);
    expect(canTransitionPromotion('executing', 'failed')).toBe(true);
  });

  it('ends with a rejection or a cancellation before execution', () => {
    expect(canTransitionPromotion('pending_approval', 'rejected')).toBe(true);
    expect(canTransitionPromotion('pending_approval', 'cancelled')).toBe(true);
    expect(canTransitionPromotion('approved', 'cancelled')).toBe(true);
    expect(canTransitionPromotion('executing', 'cancelled')).toBe(false);
    expect(canTransitionPromotion('approved', 'rejected')).toBe(false);
  });

  it('never leaves a final state', () => {
    for (const state of [
      'succeeded',
      'failed',
      'rejected',
      'cancelled',
    ] as const) {
      expect(isOpenPromotionState(state)).toBe(false);
      expect(canTransitionPromotion(state, 'approved')).toBe(false);
    }
    expect(isOpenPromotionState('executing')).toBe(true);
  });

  it('lists the open states: waiting, approved, executing', () => {
    expect(OPEN_PROMOTION_STATES).toEqual([
      'pending_approval',
      'approved',
      'executing',
    ]);
  });

  it('lists every state once, and where each may be reached from', () => {
    expect(PROMOTION_STATES).toEqual([
      'pending_approval',
      'approved',
      'executing',
      'succeeded',
      'failed',
      'rejected',
      'cancelled',
    ]);
    expect(promotionStatesLeadingTo('cancelled')).toEqual([
      'pending_approval',
      'approved',
    ]);
    expect(promotionStatesLeadingTo('executing')).toEqual(['approved']);
    expect(promotionStatesLeadingTo('pending_approval')).toEqual([]);
  });
});
