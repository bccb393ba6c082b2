import { AuthService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import {
  DeploymentGateDecision,
  DeploymentGateRequest,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { PromotionRecord } from '../../../database/promotions/PromotionStore';
import { EntityCatalog } from '../../catalog/EntityCatalog';
import { PromotionRequests } from '../PromotionRequests';
import { DeploymentGateAnswers } from './DeploymentGateAnswers';

/**
 * The requests of the installed deployment gates: judged by the promotion
 * policy as promotions, then answered through {@link DeploymentGateAnswers}.
 */
export class DeploymentGateRequests {
  private readonly environments: Map<string, Environment>;

  constructor(
    private readonly options: {
      requests: PromotionRequests;
      answers: DeploymentGateAnswers;
      catalog: EntityCatalog;
      auth: AuthService;
      environments: Environment[];
    },
  ) {
    this.environments = new Map(options.environments.map(e => [e.name, e]));
  }

  /** Records the gate's request as a promotion; answered at once unless it waits for approval. */
  async request(
    gate: string,
    request: DeploymentGateRequest,
  ): Promise<DeploymentGateDecision> {
    const environment = this.environments.get(request.environment);
    if (!environment) {
      throw new InputError(
        `${request.environment} is not one of delivery.environments`,
      );
    }
    // The gate's own request (e.g. a signed webhook) is looked up as the plugin.
    const entity = await this.options.catalog.findEntity(
      request.entityRef,
      await this.options.auth.getOwnServiceCredentials(),
    );
    if (!entity) {
      throw new NotFoundError(`No entity ${request.entityRef} in the catalog`);
    }
    const promotion = await this.options.requests.requestFromGate(
      {
        entityRef: request.entityRef,
        environment,
        version: request.version,
        reason: request.reason,
        trigger: 'promotion',
        requestedBy: request.requestedBy,
        gate: {
          source: gate,
          key: request.key,
          ...(request.url && { url: request.url }),
          callback: request.callback,
        },
      },
      entity,
    );
    if (promotion.state !== 'pending_approval') {
      this.options.answers.answerSoon(promotion.id);
    }
    return decisionOf(promotion);
  }
}

function decisionOf(promotion: PromotionRecord): DeploymentGateDecision {
  const { id: promotionId, state } = promotion;
  if (state === 'pending_approval') {
    return {
      promotionId,
      state,
      comment: `Waiting in the approvals inbox for ${promotion.requiredApprovals} approval(s)`,
    };
  }
  const approved = ['approved', 'executing', 'succeeded'].includes(state);
  return {
    promotionId,
    state: approved ? 'approved' : 'rejected',
    comment: promotion.message ?? `The promotion is ${state}`,
  };
}
