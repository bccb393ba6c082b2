import { NotFoundError, ConflictError } from '@backstage/errors';
import {
  Promotion,
  PromotionRequest,
  PromotionState,
  RequestedPromotion,
  isOpenPromotionState,
  promotionStatesLeadingTo,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { PromotionQuery } from '../../src/api';

/** The policy an in-memory promotion gets: how many approvals, from whom. */
export interface FakePromotionPolicy {
  requiredApprovals: number;
  approvers: string[];
}

type Decision = 'approve' | 'reject' | 'cancel';

// The state each decision moves to (an approval may still wait for more).
const DECIDED: Record<Decision, PromotionState> = {
  approve: 'approved',
  reject: 'rejected',
  cancel: 'cancelled',
};

/**
 * Promotions held in memory with the backend's state machine, for the dev page
 * and tests: a request waits for approval when the policy asks for one, and
 * every change is recorded as a transition.
 */
export class InMemoryPromotions {
  private readonly promotions: Promotion[];
  private nextId = 1;

  constructor(
    private readonly options: {
      promotions?: Promotion[];
      /** Who is signed in; the requester and approver of what this fake does. */
      user?: string;
      /** The policy of each environment; none means no approval is needed. */
      policies?: Record<string, FakePromotionPolicy>;
      /** The freeze window active now in an environment, by environment name. */
      freezes?: Record<string, { until: string; reason?: string }>;
      /** The recent change failure rate the preview gives, by environment name; null by default. */
      changeFailureRates?: Record<string, number | null>;
      /** The time; the real clock by default. */
      now?: () => Date;
    } = {},
  ) {
    this.promotions = [...(options.promotions ?? [])];
  }

  list(query: PromotionQuery = {}): Promotion[] {
    const states = query.state ? ([] as string[]).concat(query.state) : [];
    return this.promotions
      .filter(
        p =>
          (!states.length || states.includes(p.state)) &&
          (!query.entityRef || p.entityRef === query.entityRef) &&
          (!query.environment || p.environment === query.environment),
      )
      .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))
      .slice(0, query.limit ?? 50);
  }

  get(id: string): Promotion {
    const promotion = this.promotions.find(p => p.id === id);
    if (!promotion) throw new NotFoundError(`No promotion ${id}`);
    return promotion;
  }

  request(request: PromotionRequest, fromVersion?: string): RequestedPromotion {
    const open = this.promotions.find(
      p =>
        p.entityRef === request.entityRef &&
        p.environment === request.environment &&
        isOpenPromotionState(p.state),
    );
    if (open) {
      throw new ConflictError(
        `open_promotion: promotion ${open.id} into ${open.environment} is still ${open.state}`,
      );
    }
    const policy = this.options.policies?.[request.environment];
    const now = this.now();
    const state: PromotionState = policy?.requiredApprovals
      ? 'pending_approval'
      : 'approved';
    const promotion: Promotion = {
      id: `promotion-${this.nextId++}`,
      entityRef: request.entityRef,
      environment: request.environment,
      version: request.version,
      trigger: request.trigger ?? 'promotion',
      reason: request.reason,
      state,
      requestedBy: this.user(),
      requestedAt: now,
      updatedAt: now,
      ...(fromVersion && { fromVersion }),
      requiredApprovals: policy?.requiredApprovals ?? 0,
      approvers: policy?.approvers ?? [],
      allowSelfApproval: false,
      approvals: [],
      transitions: [{ to: state, actor: this.user(), at: now }],
    };
    this.promotions.push(promotion);
    return { ...promotion, warnings: [] };
  }

  decide(id: string, decision: Decision, comment?: string): Promotion {
    const promotion = this.get(id);
    if (
      !promotionStatesLeadingTo(DECIDED[decision]).includes(promotion.state)
    ) {
      throw new ConflictError(
        `Promotion ${id} is ${promotion.state} and can no longer be ${decision}d`,
      );
    }
    const now = this.now();
    if (decision === 'approve') {
      promotion.approvals.push({
        approver: this.user(),
        approvedAt: now,
        ...(comment && { comment }),
      });
    }
    const to = this.stateAfter(promotion, decision);
    promotion.transitions = [
      ...(promotion.transitions ?? []),
      {
        from: promotion.state,
        to,
        actor: this.user(),
        at: now,
        ...(comment && { comment }),
      },
    ];
    promotion.state = to;
    promotion.updatedAt = now;
    return promotion;
  }

  private stateAfter(promotion: Promotion, decision: Decision): PromotionState {
    if (decision === 'reject') return 'rejected';
    if (decision === 'cancel') return 'cancelled';
    return promotion.approvals.length >= promotion.requiredApprovals
      ? 'approved'
      : 'pending_approval';
  }

  /** The open promotion of the entity into the environment, if any. */
  openPromotion(entityRef: string, environment: string): Promotion | undefined {
    return this.promotions.find(
      p =>
        p.entityRef === entityRef &&
        p.environment === environment &&
        isOpenPromotionState(p.state),
    );
  }

  /** The succeeded rollbacks that left this version of the entity, which mark it. */
  rollbacksFrom(entityRef: string, version: string): Promotion[] {
    return this.promotions.filter(
      p =>
        p.entityRef === entityRef &&
        p.trigger === 'rollback' &&
        p.state === 'succeeded' &&
        p.fromVersion === version,
    );
  }

  activeFreeze(
    environment: string,
  ): { until: string; reason?: string } | undefined {
    return this.options.freezes?.[environment];
  }

  changeFailureRate(environment: string): number | null {
    return this.options.changeFailureRates?.[environment] ?? null;
  }

  requiredApprovals(environment: string): number {
    return this.options.policies?.[environment]?.requiredApprovals ?? 0;
  }

  approvers(environment: string): string[] {
    return this.options.policies?.[environment]?.approvers ?? [];
  }

  private user(): string {
    return this.options.user ?? 'user:default/engineer';
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }
}
