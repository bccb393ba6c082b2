import { AuthService, SchedulerService } from '@backstage/backend-plugin-api';
import { isError, stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import {
  PromotionExecutionRequest,
  PromotionExecutionResult,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { PromotionRecord } from '../../../database/promotions/PromotionStore';
import { EnvironmentExecutors } from '../../../executors/EnvironmentExecutors';
import { FreezeWindowService } from '../freezeWindows/FreezeWindowService';
import { HaltService } from '../halts/HaltService';
import { executeWithTimeout } from './executeWithTimeout';
import { executionRequestFor } from './executionRequestFor';
import { PromotionClaims } from './PromotionClaims';
import { PromotionResults, PromotionResultsOptions } from './PromotionResults';

export { PROMOTION_ENGINE_ACTOR } from './promotionEngineActor';

/**
 * What {@link PromotionExecution} needs: what recording a result needs, and
 * the executors with what building their requests and claiming need.
 */
export interface PromotionExecutionOptions
  extends Omit<PromotionResultsOptions, 'now'> {
  executors: EnvironmentExecutors;
  catalogService: CatalogService;
  auth: AuthService;
  freezeWindows: FreezeWindowService;
  halts: HaltService;
  /** How long one execution may take before it is aborted and failed. */
  executionTimeoutMs: number;
  now?: () => Date;
}

/**
 * Executes approved promotions with the target environment's executor. A
 * promotion is claimed atomically (`approved → executing` with a claim token)
 * before its executor runs, so it is executed once however many replicas and
 * triggers race for it; claims left by a crashed executor are failed after
 * the execution timeout.
 *
 * Claiming ({@link PromotionClaims}), building the executor's request
 * ({@link executionRequestFor}) and recording the result
 * ({@link PromotionResults}) each have their own module.
 */
export class PromotionExecution {
  /** The id of the scheduled task that executes approved promotions. */
  static readonly TASK_ID = 'delivery-promotion-execution';

  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly environments: Map<string, Environment>;
  private readonly claims: PromotionClaims;
  private readonly results: PromotionResults;

  constructor(private readonly options: PromotionExecutionOptions) {
    this.environments = new Map(options.environments.map(e => [e.name, e]));
    const now = () => options.now?.() ?? new Date();
    this.claims = new PromotionClaims({ ...options, now });
    this.results = new PromotionResults({ ...options, now });
  }

  /** Schedules the task that executes approved promotions on one replica at a time. */
  async schedule(
    scheduler: SchedulerService,
    frequency: { seconds: number } | { milliseconds: number } = { seconds: 5 },
  ): Promise<void> {
    await scheduler.scheduleTask({
      id: PromotionExecution.TASK_ID,
      scope: 'global',
      frequency,
      timeout: { milliseconds: this.options.executionTimeoutMs * 4 },
      initialDelay: { seconds: 3 },
      fn: signal => this.runPending(signal),
    });
  }

  /**
   * Tries to execute the promotion right away, in the background (still
   * through the atomic claim); the scheduled task picks up what this misses.
   */
  executeSoon(id: string): void {
    const attempt = this.tryExecute(id)
      .catch(error =>
        this.options.logger.error(
          `Could not execute promotion ${id}: ${stringifyError(error)}`,
        ),
      )
      .finally(() => this.inFlight.delete(attempt));
    this.inFlight.add(attempt);
  }

  /** Resolves when the executions started by {@link PromotionExecution.executeSoon} have ended. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight]);
    }
  }

  /** Fails stale claims, then executes every approved promotion that is neither frozen nor halted. */
  async runPending(signal?: AbortSignal): Promise<void> {
    await this.recoverStaleClaims();
    const approved = await this.options.store.listIdsInState('approved');
    for (const { id } of approved) {
      if (signal?.aborted) {
        return;
      }
      await this.tryExecute(id);
    }
  }

  /** Fails the promotions whose executor has held them longer than allowed. */
  async recoverStaleClaims(): Promise<void> {
    await this.claims.recoverStale();
  }

  /**
   * Claims the promotion and runs its executor, unless it is not approved
   * (any more), its environment is frozen, or another caller claimed it
   * first; true when this call executed it.
   */
  async tryExecute(id: string): Promise<boolean> {
    const claimed = await this.claims.claim(id);
    if (!claimed) {
      return false;
    }
    await this.execute(claimed.promotion, claimed.claimToken);
    return true;
  }

  private async execute(promotion: PromotionRecord, claimToken: string) {
    let result: PromotionExecutionResult;
    let request: PromotionExecutionRequest;
    try {
      // Refused when the environment has lost its executor since the request.
      const { executor, options } = this.options.executors.executorFor(
        promotion.environment,
      );
      request = await executionRequestFor(
        { ...this.options, environments: this.environments },
        promotion,
        options,
      );
      result = await executeWithTimeout(
        executor,
        request,
        this.options.executionTimeoutMs,
      );
    } catch (error) {
      await this.results.failed(
        promotion,
        claimToken,
        isError(error) ? error.message : String(error),
      );
      return;
    }
    await this.results.succeeded(promotion, claimToken, request, result);
  }
}
