import { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import {
  PromotionExecutionRequest,
  PromotionExecutionResult,
} from '@domain-delivery/backstage-plugin-delivery-node';
import {
  PromotionRecord,
  PromotionStore,
} from '../../../database/promotions/PromotionStore';
import { IngestionService } from '../../ingestion/IngestionService';
import { PROMOTION_ENGINE_ACTOR } from './promotionEngineActor';
import { VersionHistory } from '../VersionHistory';
import { PromotionNotifier } from '../PromotionNotifier';
import { PromotionPolicy } from '../PromotionPolicy';
import { PromotionTransitions } from '../PromotionTransitions';
import { recordPromotionDeployment } from './recordPromotionDeployment';

/** What {@link PromotionResults} needs. */
export interface PromotionResultsOptions {
  store: PromotionStore;
  transitions: PromotionTransitions;
  history: VersionHistory;
  policy: PromotionPolicy;
  ingestion: IngestionService;
  environments: Environment[];
  notifier: PromotionNotifier;
  logger: LoggerService;
  now: () => Date;
}

/**
 * Records how the execution of a claimed promotion ended: its deployment in
 * the history and `succeeded`, or `failed` with the reason; either way the
 * requester is told. Only while the claim still holds the promotion.
 */
export class PromotionResults {
  constructor(private readonly options: PromotionResultsOptions) {}

  /**
   * Records the executor's success; when that cannot be recorded, the
   * promotion fails.
   */
  async succeeded(
    promotion: PromotionRecord,
    claimToken: string,
    request: PromotionExecutionRequest,
    result: PromotionExecutionResult,
  ): Promise<void> {
    const { store, logger, now } = this.options;
    try {
      const deploymentId = await recordPromotionDeployment(this.options, {
        promotion,
        request,
        result,
        now: now(),
      });
      const message =
        result.message ??
        `${promotion.version} runs in ${promotion.environment}`;
      const finished = await this.options.transitions.transition(promotion, {
        to: 'succeeded',
        actor: PROMOTION_ENGINE_ACTOR,
        at: now().toISOString(),
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
        await store.markRolledBack({
          entityRef: promotion.entityRef,
          environment: promotion.environment,
          version: request.currentVersion,
          promotionId: promotion.id,
          rolledBackBy: promotion.requestedBy,
          rolledBackAt: now().toISOString(),
        });
      }
      await this.options.notifier.toRequester(promotion, 'succeeded', message);
    } catch (error) {
      await this.failed(
        promotion,
        claimToken,
        `The executor succeeded, but the result could not be recorded: ${
          isError(error) ? error.message : String(error)
        }`,
      );
    }
  }

  /** Fails the promotion with the reason. */
  async failed(
    promotion: PromotionRecord,
    claimToken: string,
    reason: string,
  ): Promise<void> {
    const failed = await this.options.transitions.transition(promotion, {
      to: 'failed',
      actor: PROMOTION_ENGINE_ACTOR,
      at: this.options.now().toISOString(),
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
