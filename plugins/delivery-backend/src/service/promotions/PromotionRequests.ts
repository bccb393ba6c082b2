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
import { PromotionRecord } from '../../database/promotions/PromotionStore';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { resolveApprovers } from './approvers';
import { PromotionExecution } from './execution/PromotionExecution';
import { PROMOTION_ENGINE_ACTOR } from './execution/promotionEngineActor';
import { PromotionNotifier } from './PromotionNotifier';
import { PromotionPolicy, refusalMessage } from './PromotionPolicy';
import { toPromotion } from './PromotionQueries';
import { PromotionTransitions } from './PromotionTransitions';

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

  private async submit(
    request: ParsedPromotionRequest,
    entity: Entity,
    requester: string,
    options: { withoutApproval?: boolean } = {},
  ): Promise<RequestedPromotion> {
    const { transitions, policy } = this.options;
    const { entityRef, environment, version, trigger, reason } = request;
    const now = this.options.now();

    const evaluation = await policy.evaluate({ ...request, entity, now });
    if (evaluation.violations.length > 0) {
      throw new ConflictError(refusalMessage(evaluation.violations));
    }

    const { allowSelfApproval } = environment.promotion;
    const requiredApprovals = options.withoutApproval
      ? 0
      : environment.promotion.requiredApprovals;
    const approvers = resolveApprovers(environment.promotion.approvers, entity);
    if (requiredApprovals > 0 && approvers.length === 0) {
      throw new ConflictError(
        `Refused by the approvers rule: ${environment.name} needs ${requiredApprovals} approval(s) from its owner, and ${entityRef} has no owner in the catalog`,
      );
    }
    const state: PromotionState =
      requiredApprovals === 0 ? 'approved' : 'pending_approval';
    const record: PromotionRecord = {
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
      requestedBy: requester,
      requestedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      requiredApprovals,
      approvers,
      allowSelfApproval,
    };
    const inserted = await transitions.insert(record, {
      actor: requester,
      comment:
        state === 'approved'
          ? `${reason} (${environment.name} needs no approval)`
          : reason,
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

    if (state === 'approved') {
      this.options.execution.executeSoon(record.id);
    } else {
      await this.options.notifier.waiting(record);
    }
    return { ...toPromotion(record, []), warnings: evaluation.warnings };
  }
}
