import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { NotFoundError, isError, stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Environment } from '@internal/backstage-plugin-delivery-common';
import {
  PromotionExecutionRequest,
  PromotionExecutionResult,
} from '@internal/backstage-plugin-delivery-node';
import { randomUUID } from 'node:crypto';
import { PromotionRecord, PromotionStore } from '../../database/PromotionStore';
import { PromotionExecutorRegistry } from '../../executors/PromotionExecutorRegistry';
import { FreezeWindowService } from '../FreezeWindowService';
import { IngestionService } from '../IngestionService';
import { executeWithTimeout } from './executeWithTimeout';
import { PromotionPolicy, formatDuration } from './PromotionPolicy';
import { recordPromotionDeployment } from './recordPromotionDeployment';
import { PromotionHistory } from './PromotionHistory';
import { PromotionNotifier } from './PromotionNotifier';

/** Who the promotion engine acts as in transitions. */
export const PROMOTION_ENGINE_ACTOR = 'plugin:delivery';

// A claim older than the execution timeout and this margin belongs to an
// executor that crashed or whose replica went away.
const STALE_CLAIM_MARGIN_MS = 60_000;

/** What {@link PromotionExecution} needs. */
export interface PromotionExecutionOptions {
  store: PromotionStore;
  history: PromotionHistory;
  policy: PromotionPolicy;
  ingestion: IngestionService;
  environments: Environment[];
  executors: PromotionExecutorRegistry;
  catalog: CatalogService;
  auth: AuthService;
  freezeWindows: FreezeWindowService;
  notifier: PromotionNotifier;
  logger: LoggerService;
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
 */
export class PromotionExecution {
  /** The id of the scheduled task that executes approved promotions. */
  static readonly TASK_ID = 'delivery-promotion-execution';

  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly environments: Map<string, Environment>;

  constructor(private readonly options: PromotionExecutionOptions) {
    this.environments = new Map(options.environments.map(e => [e.name, e]));
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
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

  /** Fails stale claims, then executes every approved promotion whose environment is not frozen. */
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
    const { store, executionTimeoutMs, logger } = this.options;
    const before = new Date(
      this.now().getTime() - executionTimeoutMs - STALE_CLAIM_MARGIN_MS,
    );
    const stale = await store.listIdsInState('executing', {
      claimedBefore: before.toISOString(),
    });
    for (const { id, claimToken } of stale) {
      const message = `The executor did not finish within ${formatDuration(
        executionTimeoutMs / 1000,
      )} (it may have crashed, or its backend stopped); check the target environment before promoting again`;
      const failed = await store.changeState(id, {
        from: ['executing'],
        to: 'failed',
        actor: PROMOTION_ENGINE_ACTOR,
        at: this.now().toISOString(),
        comment: message,
        ...(claimToken && { claimToken }),
        set: { message },
      });
      if (failed) {
        logger.warn(`Promotion ${id} failed: ${message}`);
        const promotion = await store.getPromotion(id);
        if (promotion) {
          await this.options.notifier.toRequester(promotion, 'failed', message);
        }
      }
    }
  }

  /**
   * Claims the promotion and runs its executor, unless it is not approved
   * (any more), its environment is frozen, or another caller claimed it
   * first; true when this call executed it.
   */
  async tryExecute(id: string): Promise<boolean> {
    const { store } = this.options;
    const promotion = await store.getPromotion(id);
    if (!promotion || promotion.state !== 'approved') {
      return false;
    }
    if (
      promotion.trigger !== 'rollback' &&
      (await this.options.freezeWindows.activeFreeze(promotion.environment))
    ) {
      return false; // It waits, approved, until the freeze ends.
    }
    const claimToken = randomUUID();
    const claimedAt = this.now().toISOString();
    const claimed = await store.changeState(id, {
      from: ['approved'],
      to: 'executing',
      actor: PROMOTION_ENGINE_ACTOR,
      at: claimedAt,
      comment: 'Claimed for execution',
      set: { claimToken, claimedAt },
    });
    if (!claimed) {
      return false;
    }
    await this.execute(
      { ...promotion, state: 'executing', claimToken, claimedAt },
      claimToken,
    );
    return true;
  }

  private async execute(promotion: PromotionRecord, claimToken: string) {
    const { logger } = this.options;
    let result: PromotionExecutionResult;
    let request: PromotionExecutionRequest;
    try {
      request = await this.requestFor(promotion);
      result = await executeWithTimeout(
        this.options.executors,
        request,
        this.options.executionTimeoutMs,
      );
    } catch (error) {
      await this.fail(
        promotion,
        claimToken,
        isError(error) ? error.message : String(error),
      );
      return;
    }
    try {
      const deploymentId = await recordPromotionDeployment(this.options, {
        promotion,
        request,
        result,
        now: this.now(),
      });
      const message =
        result.message ??
        `${promotion.version} runs in ${promotion.environment}`;
      const finished = await this.options.store.changeState(promotion.id, {
        from: ['executing'],
        to: 'succeeded',
        actor: PROMOTION_ENGINE_ACTOR,
        at: this.now().toISOString(),
        comment: message,
        claimToken,
        set: {
          deploymentId,
          message,
          ...(result.url && { url: result.url }),
          ...(result.commitSha && { gitopsCommitSha: result.commitSha }),
        },
      });
      if (!finished) {
        logger.warn(
          `Promotion ${promotion.id} was executed, but its claim had been given up as stale meanwhile; it stays failed`,
        );
        return;
      }
      if (promotion.trigger === 'rollback' && request.currentVersion) {
        await this.options.store.markRolledBack({
          entityRef: promotion.entityRef,
          environment: promotion.environment,
          version: request.currentVersion,
          promotionId: promotion.id,
          rolledBackBy: promotion.requestedBy,
          rolledBackAt: this.now().toISOString(),
        });
      }
      await this.options.notifier.toRequester(promotion, 'succeeded', message);
    } catch (error) {
      await this.fail(
        promotion,
        claimToken,
        `The executor succeeded, but the result could not be recorded: ${
          isError(error) ? error.message : String(error)
        }`,
      );
    }
  }

  private async requestFor(
    promotion: PromotionRecord,
  ): Promise<PromotionExecutionRequest> {
    const { catalog, auth, store } = this.options;
    const environment = this.environments.get(promotion.environment);
    if (!environment) {
      throw new NotFoundError(
        `The environment ${promotion.environment} is no longer configured`,
      );
    }
    const entity = await catalog.getEntityByRef(promotion.entityRef, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    if (!entity) {
      throw new NotFoundError(
        `${promotion.entityRef} is no longer in the catalog`,
      );
    }
    const running = await this.options.history.running(
      promotion.entityRef,
      promotion.environment,
    );
    const approvals =
      (await store.listApprovals([promotion.id])).get(promotion.id) ?? [];
    return {
      promotionId: promotion.id,
      entityRef: promotion.entityRef,
      entity,
      environment: promotion.environment,
      version: promotion.version,
      ...(running && { currentVersion: running.version }),
      trigger: promotion.trigger,
      reason: promotion.reason,
      requester: promotion.requestedBy,
      approvers: approvals.map(approval => approval.approver),
      executor: environment.executor,
    };
  }

  private async fail(
    promotion: PromotionRecord,
    claimToken: string,
    reason: string,
  ): Promise<void> {
    const failed = await this.options.store.changeState(promotion.id, {
      from: ['executing'],
      to: 'failed',
      actor: PROMOTION_ENGINE_ACTOR,
      at: this.now().toISOString(),
      comment: reason,
      claimToken,
      set: { message: reason },
    });
    this.options.logger.warn(`Promotion ${promotion.id} failed: ${reason}`);
    if (failed) {
      await this.options.notifier.toRequester(promotion, 'failed', reason);
    }
  }
}
