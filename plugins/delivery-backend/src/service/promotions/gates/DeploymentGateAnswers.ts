import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import {
  DeploymentGate,
  DeploymentGateRefusedError,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { randomUUID } from 'node:crypto';
import {
  PromotionRecord,
  PromotionStore,
} from '../../../database/promotions/PromotionStore';
import { PROMOTION_ENGINE_ACTOR } from '../execution/promotionEngineActor';
import { FreezeWindowService } from '../freezeWindows/FreezeWindowService';
import { HaltService } from '../halts/HaltService';
import { PromotionTransitions } from '../PromotionTransitions';
import { gateAnswerComment } from './gateAnswerComment';

// An answer claimed longer ago belongs to a replica that went away mid-answer.
const CLAIM_TIMEOUT_MS = 2 * 60_000;
// Retries wait 10 s, 20 s, 40 s ... up to 10 minutes.
const FIRST_RETRY_MS = 10_000;
const LAST_RETRY_MS = 10 * 60_000;

/**
 * Answers the gates of decided gated promotions: `approved` once approved
 * (and neither frozen nor halted), `rejected` once rejected or cancelled.
 * Each answer is claimed in the store before it is given and recorded after,
 * so one replica gives it, once; a failed attempt is tried again with growing
 * delays, also after a restart, by a scheduled task.
 */
export class DeploymentGateAnswers {
  /** The id of the scheduled task that answers gates. */
  static readonly TASK_ID = 'delivery-deployment-gate-answers';

  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly options: {
      store: PromotionStore;
      transitions: PromotionTransitions;
      freezeWindows: FreezeWindowService;
      halts: HaltService;
      gates: ReadonlyMap<string, DeploymentGate>;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Schedules the task that answers what is due, on one replica at a time. */
  async schedule(
    scheduler: SchedulerService,
    frequency: { seconds: number } | { milliseconds: number },
  ): Promise<void> {
    if (!this.options.gates.size) {
      return;
    }
    await scheduler.scheduleTask({
      id: DeploymentGateAnswers.TASK_ID,
      scope: 'global',
      frequency,
      timeout: { milliseconds: CLAIM_TIMEOUT_MS },
      initialDelay: { seconds: 3 },
      fn: signal => this.answerDue(signal),
    });
  }

  /** Answers the promotion's gate right away, in the background; the task picks up what this misses. */
  answerSoon(id: string): void {
    const attempt = this.answer(id)
      .catch(error =>
        this.options.logger.error(
          `Could not answer the gate of promotion ${id}: ${stringifyError(
            error,
          )}`,
        ),
      )
      .finally(() => this.inFlight.delete(attempt));
    this.inFlight.add(attempt);
  }

  /** Resolves when the answers started by {@link DeploymentGateAnswers.answerSoon} have ended. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight]);
    }
  }

  /** Answers every gate that is due. */
  async answerDue(signal?: AbortSignal): Promise<void> {
    const now = this.now();
    const due = await this.options.store.listGateAnswersDue({
      now: now.toISOString(),
      claimedBefore: new Date(now.getTime() - CLAIM_TIMEOUT_MS).toISOString(),
    });
    for (const id of due) {
      if (signal?.aborted) {
        return;
      }
      await this.answer(id);
    }
  }

  /** Answers the promotion's gate if it is due and this call claims it; true when it was answered. */
  async answer(id: string): Promise<boolean> {
    const { store, logger } = this.options;
    const promotion = await store.getPromotion(id);
    const state = promotion && answerOf(promotion);
    if (!promotion?.gate || promotion.gate.answeredAt || !state) {
      return false;
    }
    const asked = { ...promotion, gate: promotion.gate };
    const gate = this.options.gates.get(promotion.gate.source);
    if (!gate) {
      logger.warn(
        `Promotion ${id} waits to answer ${promotion.gate.source}, but no deployment gate of that name is installed`,
      );
      return false;
    }
    if (state === 'approved' && (await this.held(promotion))) {
      return false; // It waits, approved, until the freeze ends or the halt is lifted.
    }
    const now = this.now();
    const claimToken = randomUUID();
    const claimed = await store.claimGateAnswer(id, {
      claimToken,
      at: now.toISOString(),
      claimedBefore: new Date(now.getTime() - CLAIM_TIMEOUT_MS).toISOString(),
    });
    if (!claimed) {
      return false;
    }
    const [approvals, transitions] = await Promise.all([
      store.listApprovals([id]),
      store.listTransitions(id),
    ]);
    const comment = gateAnswerComment(
      promotion,
      approvals.get(id) ?? [],
      transitions,
    );
    try {
      await gate.answer({
        promotionId: id,
        state,
        comment,
        entityRef: promotion.entityRef,
        environment: promotion.environment,
        version: promotion.version,
        callback: promotion.gate.callback,
      });
    } catch (error) {
      await this.failed(asked, claimToken, error);
      return false;
    }
    await store.recordGateAnswer(id, claimToken, {
      answer: state,
      at: this.now().toISOString(),
    });
    if (state === 'approved') {
      await this.close(
        promotion,
        'succeeded',
        `${promotion.gate.source} was answered approved; it deploys ${promotion.version} itself`,
      );
    }
    logger.info(
      `Answered ${promotion.gate.source} ${state} for promotion ${id} of ${promotion.entityRef} into ${promotion.environment}`,
    );
    return true;
  }

  private async held(promotion: PromotionRecord): Promise<boolean> {
    return Boolean(
      (await this.options.freezeWindows.activeFreeze(promotion.environment)) ||
        (await this.options.halts.activeHaltFor(promotion.entityRef)),
    );
  }

  private async failed(
    promotion: PromotionRecord & { gate: NonNullable<PromotionRecord['gate']> },
    claimToken: string,
    error: unknown,
  ): Promise<void> {
    const refused = error instanceof DeploymentGateRefusedError;
    const message = `${
      promotion.gate.source
    } could not be answered: ${stringifyError(error)}`;
    const delay = Math.min(
      FIRST_RETRY_MS * 2 ** promotion.gate.attempts,
      LAST_RETRY_MS,
    );
    await this.options.store.releaseGateAnswer(promotion.id, claimToken, {
      error: message,
      ...(!refused && {
        retryAt: new Date(this.now().getTime() + delay).toISOString(),
      }),
    });
    this.options.logger.warn(
      `${message}${refused ? '' : `; trying again in ${delay / 1000} s`}`,
    );
    if (refused && promotion.state === 'approved') {
      await this.close(promotion, 'failed', message);
    }
  }

  /** Ends an approved gated promotion: no executor runs it, so it goes through `executing` at once. */
  private async close(
    promotion: PromotionRecord,
    to: 'succeeded' | 'failed',
    message: string,
  ): Promise<void> {
    const { transitions } = this.options;
    const at = this.now().toISOString();
    const claimToken = randomUUID();
    const claimed = await transitions.transition(promotion, {
      to: 'executing',
      actor: PROMOTION_ENGINE_ACTOR,
      at,
      comment: `Answering ${promotion.gate?.source}`,
      set: { claimToken, claimedAt: at },
    });
    if (claimed) {
      await transitions.transition(promotion, {
        to,
        actor: PROMOTION_ENGINE_ACTOR,
        at,
        comment: message,
        claimToken,
        set: {
          message,
          ...(promotion.gate?.url && { url: promotion.gate.url }),
        },
      });
    }
  }
}

/** The answer a decided gated promotion gives; undefined while it is undecided or already closed. */
function answerOf(
  promotion: PromotionRecord,
): 'approved' | 'rejected' | undefined {
  switch (promotion.state) {
    case 'approved':
      return 'approved';
    case 'rejected':
    case 'cancelled':
      return 'rejected';
    default:
      return undefined;
  }
}
