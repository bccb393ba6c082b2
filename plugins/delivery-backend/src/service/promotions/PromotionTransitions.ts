import {
  ApprovalOutcome,
  NewPromotionRecord,
  PromotionStateChange,
  PromotionStore,
} from '../../database/promotions/PromotionStore';
import { DeliverySignals } from '../signals/DeliverySignals';

/** Which promotion changes: enough to name it in a signal. */
type PromotionRef = { id: string; entityRef: string; environment: string };

/**
 * The promotion engine's one way to store a promotion and change its state:
 * the store's compare-and-set, which checks the state machine
 * (`PROMOTION_STATE_TRANSITIONS`), then a signal to the pages that show it.
 */
export class PromotionTransitions {
  constructor(
    private readonly options: {
      store: PromotionStore;
      signals: DeliverySignals;
    },
  ) {}

  /** Stores a new promotion, unless another one of the entity into the environment is open. */
  async insert(
    promotion: NewPromotionRecord,
    transition: { actor: string; comment?: string },
  ): ReturnType<PromotionStore['insertPromotion']> {
    const inserted = await this.options.store.insertPromotion(
      promotion,
      transition,
    );
    if (inserted.inserted) {
      await this.options.signals.promotionChanged(promotion);
    }
    return inserted;
  }

  /**
   * Changes the promotion's state to `change.to` if the state machine allows
   * it from the state it is in now; false when it did not, e.g. because
   * another caller (on any replica) changed it first.
   */
  async transition(
    promotion: PromotionRef,
    change: PromotionStateChange,
  ): Promise<boolean> {
    const changed = await this.options.store.transition(promotion.id, change);
    if (changed) {
      await this.options.signals.promotionChanged(promotion);
    }
    return changed;
  }

  /**
   * Records an approval; with the required number of approvals the promotion
   * becomes `approved`.
   */
  async approve(
    promotion: PromotionRef,
    approval: { approver: string; at: string; comment?: string },
  ): Promise<ApprovalOutcome> {
    const result = await this.options.store.approve(promotion.id, approval);
    if (result.outcome === 'recorded' || result.outcome === 'approved') {
      await this.options.signals.promotionChanged(promotion);
    }
    return result;
  }
}
