import {
  BackstageCredentials,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  Environment,
  Promotion,
  PromotionState,
  RequestedPromotion,
} from '@internal/backstage-plugin-delivery-common';
import { randomUUID } from 'node:crypto';
import { PromotionRecord, PromotionStore } from '../database/PromotionStore';
import { EntityCatalog } from './EntityCatalog';
import { assertMayApprove, resolveApprovers } from './promotions/approvers';
import { PromotionExecution } from './promotions/PromotionExecution';
import { PromotionNotifier } from './promotions/PromotionNotifier';
import { PromotionPolicy, refusalMessage } from './promotions/PromotionPolicy';
import {
  PromotionListQuery,
  parsePromotionListQuery,
  parsePromotionRequest,
} from './promotions/parsePromotionRequest';

const DEFAULT_LIST_LIMIT = 50;
const MAX_LIST_LIMIT = 200;

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/** The promotion as the API answers it: no claim details. */
function toPromotion(
  record: PromotionRecord,
  approvals: Promotion['approvals'],
  transitions?: Promotion['transitions'],
): Promotion {
  const { claimToken, claimedAt, ...promotion } = record;
  return { ...promotion, approvals, ...(transitions && { transitions }) };
}

/**
 * Promotion requests and their state machine: `pending_approval → approved →
 * executing → succeeded | failed`, or `rejected | cancelled`. Every change is
 * a compare-and-set in the store, stored with who, when and why; a change the
 * state machine does not allow is a `ConflictError` that says why.
 */
export class PromotionService {
  constructor(
    private readonly options: {
      store: PromotionStore;
      environments: Environment[];
      catalog: EntityCatalog;
      policy: PromotionPolicy;
      execution: PromotionExecution;
      notifier: PromotionNotifier;
      userInfo: UserInfoService;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Requests a promotion; a 409 naming the rule when the policy refuses it. */
  async request(
    body: unknown,
    credentials: UserCredentials,
  ): Promise<RequestedPromotion> {
    const { store, catalog, policy, environments } = this.options;
    const parsed = parsePromotionRequest(body, environments, {
      reasonRequired: true,
    });
    const { entityRef, environment, version, trigger, reason } = parsed;
    const requester = credentials.principal.userEntityRef;
    const entity = await catalog.getEntity(entityRef, credentials);
    const now = this.now();

    const evaluation = await policy.evaluate({
      entity,
      entityRef,
      environment,
      version,
      trigger,
      now,
    });
    if (evaluation.violations.length > 0) {
      throw new ConflictError(refusalMessage(evaluation.violations));
    }

    const { requiredApprovals, allowSelfApproval } = environment.promotion;
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
    const inserted = await store.insertPromotion(record, {
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

  /**
   * Approves a promotion that waits for approval, as one of its approvers;
   * with the required number of distinct approvals it is `approved` and
   * executed.
   */
  async approve(
    id: string,
    comment: string | undefined,
    credentials: UserCredentials,
  ): Promise<Promotion> {
    const { store } = this.options;
    const promotion = await this.pending(id, 'approve');
    const approver = await this.assertApprover(
      promotion,
      credentials,
      'approve',
    );
    const result = await store.approve(id, {
      approver,
      at: this.now().toISOString(),
      ...(comment && { comment }),
    });
    if (result.outcome === 'not_pending') {
      await this.pending(id, 'approve'); // Throws, saying what it is now.
      throw new ConflictError(`Promotion ${id} no longer waits for approval`);
    }
    if (result.outcome === 'already_approved') {
      throw new ConflictError(`You have already approved promotion ${id}`);
    }
    if (result.outcome === 'approved') {
      await this.options.notifier.toRequester(
        promotion,
        'approved',
        comment ? `${approver}: ${comment}` : `Approved by ${approver}`,
      );
      this.options.execution.executeSoon(id);
    }
    return this.get(id);
  }

  /** Rejects a promotion that waits for approval, as one of its approvers; that ends it. */
  async reject(
    id: string,
    comment: string,
    credentials: UserCredentials,
  ): Promise<Promotion> {
    const promotion = await this.pending(id, 'reject');
    const approver = await this.assertApprover(
      promotion,
      credentials,
      'reject',
    );
    await this.change(promotion, {
      from: ['pending_approval'],
      to: 'rejected',
      actor: approver,
      comment,
    });
    await this.options.notifier.toRequester(
      promotion,
      'rejected',
      `${approver}: ${comment}`,
    );
    return this.get(id);
  }

  /**
   * Cancels a promotion before it is executed: its requester may, and so may
   * whoever holds the approve permission.
   */
  async cancel(
    id: string,
    comment: string | undefined,
    credentials: UserCredentials,
    options: { mayApprove: boolean },
  ): Promise<Promotion> {
    const promotion = await this.getRecord(id);
    const user = credentials.principal.userEntityRef;
    if (promotion.requestedBy !== user && !options.mayApprove) {
      throw new NotAllowedError(
        `Only ${promotion.requestedBy}, who requested promotion ${id}, or an approver may cancel it`,
      );
    }
    await this.change(promotion, {
      from: ['pending_approval', 'approved'],
      to: 'cancelled',
      actor: user,
      ...(comment && { comment }),
    });
    return this.get(id);
  }

  /** One promotion with its approvals and every transition; a 404 when there is none. */
  async get(id: string): Promise<Promotion> {
    const { store } = this.options;
    const record = await this.getRecord(id);
    const approvals = (await store.listApprovals([id])).get(id) ?? [];
    return toPromotion(record, approvals, await store.listTransitions(id));
  }

  /** The entity ref of a promotion, e.g. to check permissions before reading it. */
  async entityRefOf(id: string): Promise<string> {
    return (await this.getRecord(id)).entityRef;
  }

  /**
   * Promotions, newest first, with their approvals, among those of entities
   * `readable` keeps.
   */
  async list(
    query: PromotionListQuery,
    readable: (entityRefs: string[]) => Promise<Set<string>>,
  ): Promise<Promotion[]> {
    const { states, entityRef } = parsePromotionListQuery(query);
    const records = await this.options.store.listPromotions({
      states,
      entityRef,
      environment: query.environment,
      limit: Math.min(query.limit ?? DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT),
    });
    const allowed = await readable(records.map(r => r.entityRef));
    const visible = records.filter(record => allowed.has(record.entityRef));
    const approvals = await this.options.store.listApprovals(
      visible.map(record => record.id),
    );
    return visible.map(record =>
      toPromotion(record, approvals.get(record.id) ?? []),
    );
  }

  private async getRecord(id: string): Promise<PromotionRecord> {
    const record = await this.options.store.getPromotion(id);
    if (!record) {
      throw new NotFoundError(`No promotion ${id}`);
    }
    return record;
  }

  /** The promotion, if it waits for approval; otherwise a 409 saying what it is. */
  private async pending(
    id: string,
    action: 'approve' | 'reject',
  ): Promise<PromotionRecord> {
    const record = await this.getRecord(id);
    if (record.state !== 'pending_approval') {
      throw new ConflictError(
        `Promotion ${id} is ${
          record.state
        }; only a promotion that is pending_approval can be ${
          action === 'approve' ? 'approved' : 'rejected'
        }`,
      );
    }
    return record;
  }

  /** The caller, if one of the promotion's approvers whose approval may count. */
  private async assertApprover(
    promotion: PromotionRecord,
    credentials: UserCredentials,
    action: 'approve' | 'reject',
  ): Promise<string> {
    const user = credentials.principal.userEntityRef;
    const { ownershipEntityRefs } = await this.options.userInfo.getUserInfo(
      credentials,
    );
    assertMayApprove(
      promotion,
      { userEntityRef: user, ownershipEntityRefs },
      action,
    );
    return user;
  }

  private async change(
    promotion: PromotionRecord,
    change: {
      from: PromotionState[];
      to: PromotionState;
      actor: string;
      comment?: string;
    },
  ): Promise<void> {
    const changed = await this.options.store.changeState(promotion.id, {
      ...change,
      at: this.now().toISOString(),
    });
    if (!changed) {
      const current = await this.getRecord(promotion.id);
      throw new ConflictError(
        `Promotion ${promotion.id} is ${current.state}; it can only become ${
          change.to
        } while ${change.from.join(' or ')}`,
      );
    }
  }
}
