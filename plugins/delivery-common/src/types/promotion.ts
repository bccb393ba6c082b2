import { DeploymentTrigger } from './deployment';

/**
 * The state of a promotion: `pending_approval → approved → executing →
 * succeeded | failed`, or `rejected | cancelled`.
 *
 * @public
 */
export type PromotionState =
  | 'pending_approval'
  | 'approved'
  | 'executing'
  | 'succeeded'
  | 'failed'
  | 'rejected'
  | 'cancelled';

/**
 * What a promotion does: a regular promotion, a rollback to an earlier
 * version, or a hotfix that skips the previous environment.
 *
 * @public
 */
export type PromotionTrigger = Exclude<DeploymentTrigger, 'pipeline'>;

/**
 * One approval given to a promotion.
 *
 * @public
 */
export interface PromotionApproval {
  /** The approving user, `user:namespace/name`. */
  approver: string;
  /** When it was given, ISO 8601. */
  approvedAt: string;
  /** The approver's comment. */
  comment?: string;
}

/**
 * A recorded change of a promotion's state: who, when and why.
 *
 * @public
 */
export interface PromotionTransition {
  /** The state before; absent for the request that created the promotion. */
  from?: PromotionState;
  /** The state after. */
  to: PromotionState;
  /** Who or what made the change, e.g. `user:default/jdoe`. */
  actor: string;
  /** When, ISO 8601. */
  at: string;
  /** Why, e.g. the rejection comment or the executor's error. */
  comment?: string;
}

/**
 * A request to move a version of an entity into an environment.
 *
 * @public
 */
export interface Promotion {
  /** The promotion's id. */
  id: string;
  /** The entity, `kind:namespace/name`. */
  entityRef: string;
  /** The target environment name. */
  environment: string;
  /** The version to run there. */
  version: string;
  /** Promotion, rollback or hotfix. */
  trigger: PromotionTrigger;
  /** Why it was requested. */
  reason: string;
  /** The current state. */
  state: PromotionState;
  /** Who requested it, `user:namespace/name`. */
  requestedBy: string;
  /** When it was requested, ISO 8601. */
  requestedAt: string;
  /** When its state last changed, ISO 8601. */
  updatedAt: string;
  /** The version that ran in the environment when it was requested, if any. */
  fromVersion?: string;
  /** How many distinct approvals it needs, from the policy at request time. */
  requiredApprovals: number;
  /**
   * Who may approve it, from the policy at request time with `owner` resolved
   * to the entity's owner: user and group entity refs.
   */
  approvers: string[];
  /** Whether the requester's own approval counts, from the policy at request time. */
  allowSelfApproval: boolean;
  /** The approvals given so far. */
  approvals: PromotionApproval[];
  /** The deployment that carried it out, once it succeeded. */
  deploymentId?: string;
  /** A link to what the executor did: commit, pull request or sync. */
  url?: string;
  /** The commit the executor made in the GitOps repository, if any. */
  gitopsCommitSha?: string;
  /** The executor's summary on success, or why it failed. */
  message?: string;
  /** Every state change, oldest first; present when reading one promotion. */
  transitions?: PromotionTransition[];
}
