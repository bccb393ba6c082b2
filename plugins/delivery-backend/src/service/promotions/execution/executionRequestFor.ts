import { AuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Environment,
  ExecutorConfig,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { PromotionExecutionRequest } from '@domain-delivery/backstage-plugin-delivery-node';
import {
  PromotionRecord,
  PromotionStore,
} from '../../../database/promotions/PromotionStore';
import { VersionHistory } from '../VersionHistory';

/**
 * What the target environment's executor is asked to do for the promotion:
 * the entity as the catalog has it now, the version that runs, the approvers
 * and the environment's executor settings.
 */
export async function executionRequestFor(
  deps: {
    store: PromotionStore;
    history: VersionHistory;
    catalogService: CatalogService;
    auth: AuthService;
    environments: Map<string, Environment>;
  },
  promotion: PromotionRecord,
  executor: ExecutorConfig,
): Promise<PromotionExecutionRequest> {
  const { catalogService, auth, store, history } = deps;
  if (!deps.environments.has(promotion.environment)) {
    throw new NotFoundError(
      `The environment ${promotion.environment} is no longer configured`,
    );
  }
  const entity = await catalogService.getEntityByRef(promotion.entityRef, {
    credentials: await auth.getOwnServiceCredentials(),
  });
  if (!entity) {
    throw new NotFoundError(
      `${promotion.entityRef} is no longer in the catalog`,
    );
  }
  const running = await history.running(
    promotion.entityRef,
    promotion.environment,
  );
  const approvals =
    (await store.listApprovals([promotion.id])).get(promotion.id) ?? [];
  return {
    promotionId: promotion.id,
    entityRef: promotion.entityRef,
    entity,
    environment: promotion.environment,
    version: promotion.version,
    ...(running && { currentVersion: running.version }),
    trigger: promotion.trigger,
    reason: promotion.reason,
    requester: promotion.requestedBy,
    approvers: approvals.map(approval => approval.approver),
    executor,
  };
}
