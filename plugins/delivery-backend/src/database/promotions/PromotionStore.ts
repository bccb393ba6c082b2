import {
  PromotionApproval,
  PromotionState,
  PromotionTransition,
  PromotionTrigger,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { JsonObject } from '@backstage/types';
import { EntityFilter } from '../whereEntities';

/** A stored promotion, without its approvals and transitions. */
export interface PromotionRecord {
  id: string;
  entityRef: string;
  environment: string;
  version: string;
  fromVersion?: string;
  trigger: PromotionTrigger;
  reason: string;
  state: PromotionState;
  requestedBy: string;
  /** ISO 8601. */
  requestedAt: string;
  /** ISO 8601. */
  updatedAt: string;
  requiredApprovals: number;
  approvers: string[];
  allowSelfApproval: boolean;
  /** Who is executing it, set with the state `executing`. */
  claimToken?: string;
  /** When it was claimed for execution, ISO 8601. */
  claimedAt?: string;
  deploymentId?: string;
  url?: string;
  gitopsCommitSha?: string;
  message?: string;
  /** Present when a deployment system that deploys by itself asked for it. */
  gate?: PromotionGateRecord;
}

/**
 * The deployment system that asked for a promotion and deploys by itself
 * (e.g. GitHub, through a deployment protection rule), and how answering it
 * goes.
 */
export interface PromotionGateRecord {
  /** The gate's name, e.g. `github`. */
  source: string;
  /** The request in that system, unique among all gates' requests. */
  key: string;
  url?: string;
  /** What the gate needs to answer; opaque to the plugin. */
  callback: JsonObject;
  answer?: 'approved' | 'rejected';
  /** ISO 8601. */
  answeredAt?: string;
  /** Failed attempts to answer so far. */
  attempts: number;
  /** Why the last attempt failed. */
  error?: string;
}

/** What a new promotion is stored with. */
export type NewPromotionRecord = Omit<
  PromotionRecord,
  'updatedAt' | 'claimToken' | 'claimedAt' | 'gate'
> & { gate?: Pick<PromotionGateRecord, 'source' | 'key' | 'url' | 'callback'> };

/** A gated promotion whose gate is due to be answered, claimed by one caller. */
export interface ClaimedGateAnswer {
  promotion: PromotionRecord & { gate: PromotionGateRecord };
  claimToken: string;
}

/** Fields set together with a state change. */
export type PromotionOutcome = Partial<
  Pick<
    PromotionRecord,
    'claimToken' | 'deploymentId' | 'url' | 'gitopsCommitSha' | 'message'
  > & { claimedAt: string }
>;

/**
 * A state change. The states it may happen from are those the state machine
 * (`PROMOTION_STATE_TRANSITIONS`) leads to `to` from; the change is stored with
 * its transition.
 */
export interface PromotionStateChange {
  to: PromotionState;
  /** Who makes the change. */
  actor: string;
  /** When, ISO 8601. */
  at: string;
  /** Why. */
  comment?: string;
  /** Only change it while this claim holds it. */
  claimToken?: string;
  /** Fields to set with the change. */
  set?: PromotionOutcome;
}

/** A promotion found by its state, e.g. to execute it or fail its stale claim. */
export interface PromotionInState {
  id: string;
  environment: string;
  trigger: PromotionTrigger;
  claimToken?: string;
}

/** What recording an approval did. */
export type ApprovalOutcome =
  /** The promotion does not wait for approval (any more). */
  | { outcome: 'not_pending' }
  /** The approver had approved it already; nothing changed. */
  | { outcome: 'already_approved' }
  /** Recorded; more approvals are needed. */
  | { outcome: 'recorded'; approvals: number }
  /** Recorded, and the promotion is now `approved`. */
  | { outcome: 'approved'; approvals: number };

/** A one-off freeze window set by an admin. */
export interface FreezeWindowRecord {
  id: string;
  environment: string;
  /** ISO 8601, UTC. */
  start: string;
  /** ISO 8601, UTC, exclusive. */
  end: string;
  reason?: string;
  createdBy: string;
  /** ISO 8601. */
  createdAt: string;
}

/** An emergency halt of every promotion of a domain or of the portal. */
export interface HaltRecord {
  id: string;
  /** `portal` or `domain:<namespace>/<name>`. */
  scope: string;
  reason: string;
  createdBy: string;
  /** ISO 8601. */
  createdAt: string;
  liftedBy?: string;
  /** ISO 8601; absent while the halt holds. */
  liftedAt?: string;
}

/** A version that a rollback moved an environment away from. */
export interface RolledBackVersion {
  entityRef: string;
  environment: string;
  version: string;
  /** The rollback promotion. */
  promotionId: string;
  rolledBackBy: string;
  /** ISO 8601. */
  rolledBackAt: string;
}

/**
 * Where promotions, their transitions and approvals, admin freeze windows and
 * rolled-back versions are kept. Every state change is a compare-and-set on
 * the promotion's state, stored with its transition in one transaction, so
 * that concurrent callers (on several replicas) cannot both make it.
 */
export interface PromotionStore {
  /**
   * Stores a new promotion with the transition that created it, unless
   * another promotion of the entity into the environment is open: then
   * nothing is stored and that promotion's id is returned.
   */
  insertPromotion(
    promotion: NewPromotionRecord,
    transition: { actor: string; comment?: string },
  ): Promise<{ inserted: true } | { inserted: false; openPromotionId: string }>;

  getPromotion(id: string): Promise<PromotionRecord | undefined>;

  /** Promotions, newest first. */
  listPromotions(
    query: EntityFilter & { states?: PromotionState[]; limit: number },
  ): Promise<PromotionRecord[]>;

  /** The open promotion of the entity into the environment, if any. */
  findOpenPromotion(
    entityRef: string,
    environment: string,
  ): Promise<PromotionRecord | undefined>;

  /** Every transition of a promotion, oldest first. */
  listTransitions(id: string): Promise<PromotionTransition[]>;

  /** The approvals of each promotion, oldest first. */
  listApprovals(ids: string[]): Promise<Map<string, PromotionApproval[]>>;

  /**
   * Every state change goes through here: a compare-and-set that changes the
   * state to `change.to` only if the state machine allows it from the state
   * the promotion is in (and `change.claimToken`, if given, holds it); false
   * when it did not.
   */
  transition(id: string, change: PromotionStateChange): Promise<boolean>;

  /**
   * Records an approval of a promotion waiting for approval and, when it
   * completes the required approvals, makes it `approved` (through the same
   * state machine check as {@link PromotionStore.transition}), atomically.
   */
  approve(
    id: string,
    approval: { approver: string; at: string; comment?: string },
  ): Promise<ApprovalOutcome>;

  /**
   * The latest gated promotion of the version into the environment that its
   * gate was answered `approved` for since the time, unless a promotion of
   * the same version into it has been requested through the portal since.
   */
  findUnusedGateApproval(query: {
    entityRef: string;
    environment: string;
    version: string;
    answeredSince: string;
  }): Promise<PromotionRecord | undefined>;

  /** The promotion a gate's request created, if any. */
  findGatedPromotion(key: string): Promise<PromotionRecord | undefined>;

  /**
   * The ids of gated promotions that are decided (approved, rejected or
   * cancelled) and whose gate is due to be answered at the time: not answered,
   * not waiting for a retry, and not claimed since `claimedBefore`.
   */
  listGateAnswersDue(query: {
    now: string;
    claimedBefore: string;
    limit?: number;
  }): Promise<string[]>;

  /**
   * Claims the answer of a gated promotion (compare-and-set), unless it has
   * been answered or another caller claimed it since `claimedBefore`.
   */
  claimGateAnswer(
    id: string,
    claim: { claimToken: string; at: string; claimedBefore: string },
  ): Promise<boolean>;

  /** Records, while the claim holds, what the gate was answered. */
  recordGateAnswer(
    id: string,
    claimToken: string,
    answer: { answer: 'approved' | 'rejected'; at: string },
  ): Promise<boolean>;

  /**
   * Gives the claim up after a failed attempt, with why, and when to try
   * again (never, when absent).
   */
  releaseGateAnswer(
    id: string,
    claimToken: string,
    failure: { error: string; retryAt?: string },
  ): Promise<void>;

  /** Promotions in the state, oldest first, e.g. `approved` ones to execute. */
  listIdsInState(
    state: PromotionState,
    options?: { claimedBefore?: string; limit?: number },
  ): Promise<PromotionInState[]>;

  addFreezeWindow(window: FreezeWindowRecord): Promise<void>;

  /** Admin freeze windows that end after the time, by start. */
  listFreezeWindows(query: {
    environment?: string;
    endingAfter: string;
  }): Promise<FreezeWindowRecord[]>;

  /** Deletes an admin freeze window; false when there was none. */
  deleteFreezeWindow(id: string): Promise<boolean>;

  /** Adds a halt; false when its scope is already halted (the other one stays). */
  addHalt(halt: HaltRecord): Promise<boolean>;

  /** The halts in force, then those lifted after the time, newest first. */
  listHalts(query: { liftedAfter: string }): Promise<HaltRecord[]>;

  /** Lifts a halt in force; the lifted halt, or undefined when none such holds. */
  liftHalt(
    id: string,
    lift: { liftedBy: string; liftedAt: string },
  ): Promise<HaltRecord | undefined>;

  /** Marks a version as rolled back from (again). */
  markRolledBack(version: RolledBackVersion): Promise<void>;

  /** The versions of an entity that were rolled back from, in any environment. */
  listRolledBack(entityRef: string): Promise<RolledBackVersion[]>;
}
