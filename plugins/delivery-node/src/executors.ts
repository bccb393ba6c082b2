import {
  ExecutorConfig,
  PromotionTrigger,
} from '@internal/backstage-plugin-delivery-common';

/**
 * What an executor is asked to do: run a version of an entity in an environment.
 *
 * @public
 */
export interface PromotionExecutionRequest {
  /** The promotion being executed. */
  promotionId: string;
  /** The entity to promote, `kind:namespace/name`. */
  entityRef: string;
  /** The target environment's name. */
  environment: string;
  /** The version to run there. */
  version: string;
  /** Promotion, rollback or hotfix. */
  trigger: PromotionTrigger;
  /** Who requested the promotion, `user:namespace/name`. */
  requester: string;
  /** The users who approved it, `user:namespace/name`. */
  approvers: string[];
  /** The target environment's configured executor, with its options. */
  executor: ExecutorConfig;
}

/**
 * What an executor did, for the promotion's record and its deployment.
 *
 * @public
 */
export interface PromotionExecutionResult {
  /** A link to what was done: the commit, pull request or Argo CD operation. */
  url?: string;
  /** The commit the executor made in the GitOps repository, if any. */
  commitSha?: string;
  /** A short human-readable summary. */
  message?: string;
}

/**
 * Carries out promotions into environments whose executor `type` it handles.
 *
 * @public
 */
export interface PromotionExecutor {
  /** The executor type it handles, e.g. `github-pr`; unique per backend. */
  readonly type: string;
  /**
   * Executes the promotion; throws (preferably an `@backstage/errors` type)
   * when it cannot, which fails the promotion with the error's message.
   */
  execute(
    request: PromotionExecutionRequest,
  ): Promise<PromotionExecutionResult>;
}
