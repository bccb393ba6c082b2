import { DeploymentCommit } from './deployment';
import { FreezeWindow } from './environment';
import { Promotion, PromotionTrigger } from './promotion';

/**
 * The body of `POST /promotions` (and, without `reason`, of
 * `POST /promotions/preview`).
 *
 * @public
 */
export interface PromotionRequest {
  /** The entity, e.g. `component:default/payments-api`. */
  entityRef: string;
  /** The target environment's name. */
  environment: string;
  /** The version to run there. */
  version: string;
  /** Why; shown to the approvers and kept with the promotion. */
  reason: string;
  /** `promotion` (the default), `rollback` or `hotfix`. */
  trigger?: PromotionTrigger;
}

/**
 * A policy rule that can refuse a promotion request.
 *
 * @public
 */
export type PromotionRule =
  /** The entity is not delivered to the target environment. */
  | 'environment'
  /** The version has not succeeded in the environment it is promoted from. */
  | 'source_environment'
  /** The version has not run long enough in the environment it is promoted from. */
  | 'soak_time'
  /** A freeze window of the target environment is active. */
  | 'freeze_window'
  /** Another promotion of the entity into the environment is open. */
  | 'open_promotion'
  /** The version already runs in the target environment. */
  | 'already_running'
  /** A rollback names a version that never ran in the environment. */
  | 'rollback_target';

/**
 * Why a promotion request would be refused, naming the rule.
 *
 * @public
 */
export interface PromotionViolation {
  /** The rule. */
  rule: PromotionRule;
  /** What the person can read: what is wrong and, where known, until when. */
  message: string;
}

/**
 * Something the requester should know, which does not refuse the request.
 *
 * @public
 */
export interface PromotionWarning {
  /** `rolled_back_version`: the version was rolled back from before. */
  code: 'rolled_back_version' | (string & {});
  /** What the person can read. */
  message: string;
}

/**
 * The answer to `POST /promotions`: the new promotion, and warnings.
 *
 * @public
 */
export interface RequestedPromotion extends Promotion {
  /** E.g. that the version was rolled back from before; empty when none. */
  warnings: PromotionWarning[];
}

/**
 * A file a promotion will change in the GitOps repository.
 *
 * @public
 */
export interface PromotionFileChange {
  /** The path in the repository, e.g. `apps/smart-city/parking-api/values-prod.yaml`. */
  path: string;
  /** The content before; absent when the file will be created. */
  before?: string;
  /** The content after. */
  after: string;
  /** A unified diff from `before` to `after`. */
  diff: string;
}

/**
 * What the target environment's executor will do.
 *
 * @public
 */
export interface PromotionChangePreview {
  /** The executor type, e.g. `gitops-local`. */
  executor: string;
  /** A sentence saying what it will do. */
  description: string;
  /** The files it will change; empty when it changes none (e.g. a sync). */
  files: PromotionFileChange[];
}

/**
 * The answer to `POST /promotions/preview`: everything the promotion dialog
 * shows before anyone confirms.
 *
 * @public
 */
export interface PromotionPreview {
  entityRef: string;
  environment: string;
  version: string;
  trigger: PromotionTrigger;
  /** The version running in the target environment now, if any. */
  currentVersion?: string;
  /** The environment the version is promoted from, if the target has one. */
  sourceEnvironment?: string;
  /**
   * The commits the promotion brings: those of the versions that succeeded in
   * the source environment after the current version, up to this one, newest
   * first; empty for a rollback.
   */
  commits: DeploymentCommit[];
  /** What the executor will change; absent when no executor is installed for it. */
  change?: PromotionChangePreview;
  /** The approvals the promotion will need. */
  approvals: {
    /** How many distinct approvers; 0 means it is executed straight away. */
    required: number;
    /** Who may approve: user and group entity refs. */
    approvers: string[];
    /** Whether the requester's own approval counts. */
    allowSelfApproval: boolean;
  };
  /** The soak rule: how long the version has run in the source environment. */
  soak?: {
    requiredSeconds: number;
    /** How long it has run there so far; absent when it never ran there. */
    soakedSeconds?: number;
    /** When the soak time is over, ISO 8601; absent when it never ran there. */
    readyAt?: string;
  };
  /** The active freeze window of the target environment, if any. */
  freeze?: { until: string; reason?: string };
  /**
   * The target environment's recent change failure rate (0 to 1): for a
   * production environment, the entity's DORA change failure rate over the
   * last 30 days; `null` for a non-production environment (DORA rates
   * production only) or when no production deployment finished in that time.
   */
  changeFailureRate: number | null;
  /** Why a request would be refused now; empty when it would be accepted. */
  violations: PromotionViolation[];
  /** What the requester should know, e.g. the version was rolled back before. */
  warnings: PromotionWarning[];
}

/**
 * The body of `POST /freeze-windows`: a one-off freeze window set by an admin.
 *
 * @public
 */
export interface FreezeWindowRequest {
  /** The environment it freezes. */
  environment: string;
  /** Start, ISO 8601; without an offset, in `timeZone`. */
  start: string;
  /** End (exclusive), ISO 8601; without an offset, in `timeZone`. */
  end: string;
  /** The IANA time zone of `start` and `end` without an offset; UTC by default. */
  timeZone?: string;
  /** Why, shown to whoever is refused. */
  reason?: string;
}

/**
 * A freeze window of an environment, from the configuration or set by an admin.
 *
 * @public
 */
export interface FreezeWindowEntry {
  /** The id of a window set by an admin (which can be deleted). */
  id?: string;
  /** The environment it freezes. */
  environment: string;
  /** Whether it is configured in `app-config.yaml` or was set by an admin. */
  source: 'config' | 'admin';
  /** The window. */
  window: FreezeWindow;
  /** Whether it is active now. */
  active: boolean;
  /** When it ends, ISO 8601, if it is active now. */
  activeUntil?: string;
  /** The admin who set it. */
  createdBy?: string;
  /** When it was set, ISO 8601. */
  createdAt?: string;
}
