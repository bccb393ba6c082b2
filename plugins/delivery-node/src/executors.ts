import type {
  ExecutorConfig,
  PromotionFileChange,
  PromotionTrigger,
  getDeliveryGitOpsPath,
} from '@domain-delivery/backstage-plugin-delivery-common';

/**
 * The type of the built-in executor that commits to a git repository on the
 * backend's disk; used only by an environment that names it.
 *
 * @public
 */
export const GITOPS_LOCAL_EXECUTOR_TYPE = 'gitops-local';

/**
 * A catalog entity, i.e. `Entity` of `@backstage/catalog-model`, as the
 * delivery annotation helpers of `delivery-common` take it.
 *
 * @public
 */
export type PromotedEntity = Parameters<typeof getDeliveryGitOpsPath>[0];

/**
 * The change a promotion makes: a version of an entity in an environment.
 *
 * @public
 */
export interface PromotionChangeRequest {
  /** The entity to promote, `kind:namespace/name`. */
  entityRef: string;
  /** The entity as the catalog has it, with its delivery annotations. */
  entity: PromotedEntity;
  /** The target environment's name. */
  environment: string;
  /** The version to run there. */
  version: string;
  /** The version running there now, if any. */
  currentVersion?: string;
  /** Promotion, rollback or hotfix. */
  trigger: PromotionTrigger;
  /** The target environment's configured executor, with its options. */
  executor: ExecutorConfig;
}

/**
 * What an executor is asked to do: run a version of an entity in an environment.
 *
 * @public
 */
export interface PromotionExecutionRequest extends PromotionChangeRequest {
  /** The promotion being executed. */
  promotionId: string;
  /** Why it was requested. */
  reason: string;
  /** Who requested the promotion, `user:namespace/name`. */
  requester: string;
  /** The users who approved it, `user:namespace/name`. */
  approvers: string[];
  /**
   * Aborted when the execution takes longer than the backend allows; the
   * promotion is then failed, so stop and leave things as they were if you can.
   */
  signal?: AbortSignal;
}

/**
 * What an executor will do for a promotion, shown before anyone confirms it.
 *
 * @public
 */
export interface PromotionExecutionPreview {
  /** A sentence saying what it will do, e.g. which file or application. */
  description: string;
  /** The files it will change in the GitOps repository, if any. */
  files?: PromotionFileChange[];
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
  /**
   * `succeeded` (the default) when the version runs in the environment;
   * `in_progress` when it still has to be merged or rolled out, e.g. a pull
   * request that is not merged yet. The deployment is then recorded as in
   * progress with the id `promotion-<promotionId>`, and a later deployment
   * event with that id finishes it.
   */
  deploymentStatus?: 'succeeded' | 'in_progress';
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
  /**
   * Why an environment's executor options cannot work, e.g. a required
   * option that is missing, in words that name the option; undefined when
   * they can. Optional. The backend logs it at start-up and refuses
   * promotions into that environment with it.
   */
  checkOptions?(options: ExecutorConfig): string | undefined;
  /**
   * Tells what {@link PromotionExecutor.execute} would change, without
   * changing anything; optional.
   */
  preview?(request: PromotionChangeRequest): Promise<PromotionExecutionPreview>;
}
