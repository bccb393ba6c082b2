import { LoggerService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import {
  PromotionRecord,
  PromotionStore,
} from '../../../database/promotions/PromotionStore';
import { FreezeWindowService } from '../freezeWindows/FreezeWindowService';
import { HaltService } from '../halts/HaltService';
import { PROMOTION_ENGINE_ACTOR } from './promotionEngineActor';
import { PromotionNotifier } from '../PromotionNotifier';
import { PromotionTransitions } from '../PromotionTransitions';
import {
  canTransitionPromotion,
  formatDuration,
} from '@domain-delivery/backstage-plugin-delivery-common';

// A claim older than the execution timeout and this margin belongs to an
// executor that crashed or whose replica went away.
const STALE_CLAIM_MARGIN_MS = 60_000;

/** A promotion claimed for execution, and the token that holds it. */
export interface ClaimedPromotion {
  promotion: PromotionRecord;
  claimToken: string;
}

/**
 * Claims approved promotions for execution atomically (`approved →
 * executing` with a claim token), so that each is executed once however many
 * replicas and triggers race for it; fails the claims an executor held for
 * longer than allowed.
 */
export class PromotionClaims {
  constructor(
    private readonly options: {
      store: PromotionStore;
      transitions: PromotionTransitions;
      freezeWindows: FreezeWindowService;
      halts: HaltService;
      notifier: PromotionNotifier;
      logger: LoggerService;
      executionTimeoutMs: number;
      now: () => Date;
    },
  ) {}

  /**
   * Claims the promotion, unless it is not approved (any more), its
   * environment is frozen, its domain or the portal is halted, or another
   * caller claimed it first.
   */
  async claim(id: string): Promise<ClaimedPromotion | undefined> {
    const { store } = this.options;
    const promotion = await store.getPromotion(id);
    if (!promotion || !canTransitionPromotion(promotion.state, 'executing')) {
      return undefined;
    }
    if (promotion.gate) {
      return undefined; // A gate deploys by itself; it is answered instead.
    }
    if (
      promotion.trigger !== 'rollback' &&
      (await this.options.freezeWindows.activeFreeze(promotion.environment))
    ) {
      return undefined; // It waits, approved, until the freeze ends.
    }
    if (await this.options.halts.activeHaltFor(promotion.entityRef)) {
      return undefined; // It waits, approved, until the halt is lifted.
    }
    const claimToken = randomUUID();
    const claimedAt = this.options.now().toISOString();
    const claimed = await this.options.transitions.transition(promotion, {
      to: 'executing',
      actor: PROMOTION_ENGINE_ACTOR,
      at: claimedAt,
      comment: 'Claimed for execution',
      set: { claimToken, claimedAt },
    });
    if (!claimed) {
      return undefined;
    }
    return {
      promotion: { ...promotion, state: 'executing', claimToken, claimedAt },
      claimToken,
    };
  }

  /** Fails the promotions whose executor has held them longer than allowed. */
  async recoverStale(): Promise<void> {
    const { store, executionTimeoutMs, logger, now } = this.options;
    const before = new Date(
      now().getTime() - executionTimeoutMs - STALE_CLAIM_MARGIN_MS,
    );
    const stale = await store.listIdsInState('executing', {
      claimedBefore: before.toISOString(),
    });
    for (const { id, claimToken } of stale) {
      const message = `The executor did not finish within ${formatDuration(
        executionTimeoutMs / 1000,
        { exact: true },
      )} (it may have crashed, or its backend stopped); check the target environment before promoting again`;
      const promotion = await store.getPromotion(id);
      if (!promotion) {
        continue;
      }
      const failed = await this.options.transitions.transition(promotion, {
        to: 'failed',
        actor: PROMOTION_ENGINE_ACTOR,
        at: now().toISOString(),
        comment: message,
        ...(claimToken && { claimToken }),
        set: { message },
      });
      if (failed) {
        logger.warn(`Promotion ${id} failed: ${message}`);
        await this.options.notifier.toRequester(promotion, 'failed', message);
      }
    }
  }
}
