import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ConflictError } from '@backstage/errors';
import {
  Environment,
  PromotionState,
  PromotionTrigger,
  RequestedPromotion,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { randomUUID } from 'node:crypto';
import {
  NewPromotionRecord,
  PromotionRecord,
  PromotionStore,
} from '../../database/promotions/PromotionStore';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { resolveApprovers } from './approvers';
import { PromotionExecution } from './execution/PromotionExecution';
import { PROMOTION_ENGINE_ACTOR } from './execution/promotionEngineActor';
import { PromotionNotifier } from './PromotionNotifier';
import {
  PolicyEvaluation,
  PromotionPolicy,
  refusalMessage,
} from './PromotionPolicy';
import { toPromotion } from './PromotionQueries';
import { PromotionTransitions } from './PromotionTransitions';

// How long after a gate's request was approved the promotion its job
// requests may take that approval.
const GATE_APPROVAL_VALID_MS = 6 * 60 * 60 * 1000;

/** What a gate asks for, as a promotion request with the gate's details. */
export interface GatedPromotionRequest extends ParsedPromotionRequest {
  requestedBy: string;
  gate: NonNullable<NewPromotionRecord['gate']>;
}

/** A validated promotion request. */
export interface ParsedPromotionRequest {
  entityRef: string;
  environment: Environment;
  version: string;
  reason: string;
  trigger: PromotionTrigger;
}

/**
 * Promotion requests: checked against the policy and stored, then executed
 * right away or left waiting for approval.
 */
export class PromotionRequests {
  constructor(
    private readonly options: {
      store: PromotionStore;
      transitions: PromotionTransitions;
      catalog: EntityCatalog;
      policy: PromotionPolicy;
      execution: PromotionExecution;
      notifier: PromotionNotifier;
      now: () => Date;
    },
  ) {}

  /** Requests a promotion; a 409 naming the rule when the policy refuses it. */
  async request(
    request: ParsedPromotionRequest,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<RequestedPromotion> {
    const entity = await this.options.catalog.getEntity(
      request.entityRef,
      credentials,
    );
    return this.submit(request, entity, credentials.principal.userEntityRef);
  }

  /**
   * Requests the rollback that a failed verification calls for, as the
   * portal; checked against the policy like any request, and approved
   * straight away when the environment's verification says so.
   */
  async requestAutomaticRollback(
    request: Omit<ParsedPromotionRequest, 'trigger'>,
    entity: Entity,
    options: { withoutApproval: boolean },
  ): Promise<RequestedPromotion> {
    return this.submit(
      { ...request, trigger: 'rollback' },
      entity,
      PROMOTION_ENGINE_ACTOR,
      options,
    );
  }

  /**
   * Records what a deployment system that deploys by itself (a gate) asks
   * for, judged by the same policy: refused at once as `rejected` naming the
   * rules, `approved` when nothing needs approval, otherwise waiting in the
   * approvals inbox. The same request asked again finds the same promotion.
   */
  async requestFromGate(
    request: GatedPromotionRequest,
    entity: Entity,
  ): Promise<PromotionRecord> {
    const { store } = this.options;
    const asked = await store.findGatedPromotion(request.gate.key);
    if (asked) {
      return asked;
    }
    const now = this.options.now();
    const evaluation = await this.options.policy.evaluate({
      ...request,
      entity,
      now,
    });
    // The gate deploys by itself: no executor is needed, and running again
    // what already runs (a re-run of a deployment job) is for it to decide.
    const violations = evaluation.violations.filter(
      ({ rule }) => rule !== 'executor' && rule !== 'already_running',
    );
    const approvals = this.approvalsOf(request, entity, {});
    const refusal = violations.length
      ? refusalMessage(violations)
      : approvals.problem;
    const record = this.recordOf(request, evaluation, approvals, now);
    if (refusal) {
      record.state = 'rejected';
      record.message = refusal;
    }
    const inserted = await this.options.transitions.insert(
      { ...record, gate: request.gate },
      {
        actor: request.requestedBy,
        comment: refusal ?? this.requestComment(record, request),
      },
    );
    if (!inserted.inserted) {
      const again = await store.findGatedPromotion(request.gate.key);
      if (again) {
        return again;
      }
      // Another promotion into the environment is open: refused by that rule.
      return this.requestFromGate(request, entity);
    }
    if (record.state === 'pending_approval') {
      await this.options.notifier.waiting(record);
    }
    return (await store.findGatedPromotion(request.gate.key))!;
  }

  private async submit(
    request: ParsedPromotionRequest,
    entity: Entity,
    requester: string,
    options: { withoutApproval?: boolean } = {},
  ): Promise<RequestedPromotion> {
    const { transitions, policy } = this.options;
    const { entityRef, environment, reason } = request;
    const now = this.options.now();

    const evaluation = await policy.evaluate({ ...request, entity, now });
    if (evaluation.violations.length > 0) {
      throw new ConflictError(refusalMessage(evaluation.violations));
    }
    const approvals = this.approvalsOf(request, entity, options);
    if (approvals.problem) {
      throw new ConflictError(approvals.problem);
    }
    const record = this.recordOf(
      { ...request, requestedBy: requester },
      evaluation,
      approvals,
      now,
    );
    const approvedAtGate =
      record.state === 'pending_approval'
        ? await this.approvedAtGate(request, now)
        : undefined;
    if (approvedAtGate) {
      record.state = 'approved';
    }
    const inserted = await transitions.insert(record, {
      actor: requester,
      comment: approvedAtGate
        ? `${reason} (${approvedAtGate})`
        : this.requestComment(record, request),
    });
    if (!inserted.inserted) {
      throw new ConflictError(
        refusalMessage([
          {
            rule: 'open_promotion',
            message: `promotion ${inserted.openPromotionId} of ${entityRef} into ${environment.name} is still open; cancel it or wait for it to finish`,
          },
        ]),
      );
    }

    if (record.state === 'approved') {
      this.options.execution.executeSoon(record.id);
    } else {
      await this.options.notifier.waiting(record);
    }
    return { ...toPromotion(record, []), warnings: evaluation.warnings };
  }

  /**
   * Why the request needs no approval of its own, if it does not: a job behind
   * a GitHub environment that the portal's protection rule gates requests the
   * promotion once it may run, and the approval GitHub's request got counts
   * for it (once, for the same version, for a few hours).
   */
  private async approvedAtGate(
    request: ParsedPromotionRequest,
    now: Date,
  ): Promise<string | undefined> {
    const { store } = this.options;
    const gated = await store.findUnusedGateApproval({
      entityRef: request.entityRef,
      environment: request.environment.name,
      version: request.version,
      answeredSince: new Date(
        now.getTime() - GATE_APPROVAL_VALID_MS,
      ).toISOString(),
    });
    if (!gated?.gate) {
      return undefined;
    }
    const approvals = (await store.listApprovals([gated.id])).get(gated.id);
    if (!approvals?.length) {
      return undefined; // It needed no approval; this one does.
    }
    return `approved through ${
      gated.gate.source
    }'s deployment protection rule by ${approvals
      .map(({ approver }) => approver)
      .join(', ')} (promotion ${gated.id})`;
  }

  /** How many approvals the request needs, from whom; a problem when nobody can give them. */
  private approvalsOf(
    request: { entityRef: string; environment: Environment },
    entity: Entity,
    options: { withoutApproval?: boolean },
  ): { required: number; approvers: string[]; problem?: string } {
    const { environment, entityRef } = request;
    const required = options.withoutApproval
      ? 0
      : environment.promotion.requiredApprovals;
    const approvers = resolveApprovers(environment.promotion.approvers, entity);
    if (required > 0 && approvers.length === 0) {
      return {
        required,
        approvers,
        problem: `Refused by the approvers rule: ${environment.name} needs ${required} approval(s) from its owner, and ${entityRef} has no owner in the catalog`,
      };
    }
    return { required, approvers };
  }

  private recordOf(
    request: ParsedPromotionRequest & { requestedBy: string },
    evaluation: PolicyEvaluation,
    approvals: { required: number; approvers: string[] },
    now: Date,
  ): PromotionRecord {
    const { entityRef, environment, version, trigger, reason } = request;
    const state: PromotionState =
      approvals.required === 0 ? 'approved' : 'pending_approval';
    return {
      id: randomUUID(),
      entityRef,
      environment: environment.name,
      version,
      ...(evaluation.currentVersion && {
        fromVersion: evaluation.currentVersion,
      }),
      trigger,
      reason,
      state,
      requestedBy: request.requestedBy,
      requestedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      requiredApprovals: approvals.required,
      approvers: approvals.approvers,
      allowSelfApproval: environment.promotion.allowSelfApproval,
    };
  }

  private requestComment(
    record: PromotionRecord,
    request: { reason: string; environment: Environment },
  ): string {
    return record.state === 'approved'
      ? `${request.reason} (${request.environment.name} needs no approval)`
      : request.reason;
  }
}
