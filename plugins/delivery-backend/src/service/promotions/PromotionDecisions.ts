import {
  BackstageCredentials,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotAllowedError } from '@backstage/errors';
import {
  Promotion,
  PromotionState,
  canTransitionPromotion,
  promotionStatesLeadingTo,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { PromotionRecord } from '../../database/promotions/PromotionStore';
import { assertMayApprove } from './approvers';
import { PromotionExecution } from './execution/PromotionExecution';
import { DeploymentGateAnswers } from './gates/DeploymentGateAnswers';
import { PromotionNotifier } from './PromotionNotifier';
import { PromotionQueries } from './PromotionQueries';
import { PromotionTransitions } from './PromotionTransitions';

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/**
 * The decisions on a requested promotion: approving, rejecting or cancelling
 * it, each a compare-and-set that the state machine checks; a change the state machine does
 * not allow is a `ConflictError` that says why.
 */
export class PromotionDecisions {
  constructor(
    private readonly options: {
      transitions: PromotionTransitions;
      queries: PromotionQueries;
      execution: PromotionExecution;
      gateAnswers: Pick<DeploymentGateAnswers, 'answerSoon'>;
      notifier: PromotionNotifier;
      userInfo: UserInfoService;
      now: () => Date;
    },
  ) {}

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
    const { transitions, queries } = this.options;
    const promotion = await this.pending(id, 'approve');
    const approver = await this.assertApprover(
      promotion,
      credentials,
      'approve',
    );
    const result = await transitions.approve(promotion, {
      approver,
      at: this.options.now().toISOString(),
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
      // A gate deploys by itself: it is answered, and no executor runs.
      if (promotion.gate) {
        this.options.gateAnswers.answerSoon(id);
      } else {
        this.options.execution.executeSoon(id);
      }
    }
    return queries.get(id);
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
      to: 'rejected',
      actor: approver,
      comment,
    });
    await this.options.notifier.toRequester(
      promotion,
      'rejected',
      `${approver}: ${comment}`,
    );
    if (promotion.gate) {
      this.options.gateAnswers.answerSoon(id);
    }
    return this.options.queries.get(id);
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
    const { queries } = this.options;
    const promotion = await queries.getRecord(id);
    const user = credentials.principal.userEntityRef;
    if (promotion.requestedBy !== user && !options.mayApprove) {
      throw new NotAllowedError(
        `Only ${promotion.requestedBy}, who requested promotion ${id}, or an approver may cancel it`,
      );
    }
    await this.change(promotion, {
      to: 'cancelled',
      actor: user,
      ...(comment && { comment }),
    });
    if (promotion.gate) {
      this.options.gateAnswers.answerSoon(id);
    }
    return queries.get(id);
  }

  /** The promotion, if it waits for approval; otherwise a 409 saying what it is. */
  private async pending(
    id: string,
    action: 'approve' | 'reject',
  ): Promise<PromotionRecord> {
    const record = await this.options.queries.getRecord(id);
    const to = action === 'approve' ? 'approved' : 'rejected';
    if (!canTransitionPromotion(record.state, to)) {
      throw new ConflictError(
        `Promotion ${id} is ${
          record.state
        }; only a promotion that is ${promotionStatesLeadingTo(to).join(
          ' or ',
        )} can be ${to}`,
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
      to: PromotionState;
      actor: string;
      comment?: string;
    },
  ): Promise<void> {
    const changed = await this.options.transitions.transition(promotion, {
      ...change,
      at: this.options.now().toISOString(),
    });
    if (!changed) {
      const current = await this.options.queries.getRecord(promotion.id);
      throw new ConflictError(
        `Promotion ${promotion.id} is ${current.state}; it can only become ${
          change.to
        } while ${promotionStatesLeadingTo(change.to).join(' or ')}`,
      );
    }
  }
}
