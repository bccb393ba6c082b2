import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import { DeliveryStore } from '../../database/DeliveryStore';
import { VerificationStore } from '../../database/verifications/VerificationStore';
import { IngestionService } from '../ingestion/IngestionService';
import { PromotionEngine } from '../promotions/createPromotionEngine';
import { DeliverySignals } from '../signals/DeliverySignals';
import { DeploymentVerification } from './DeploymentVerification';
import { VerificationFollowUp } from './VerificationFollowUp';

/**
 * Creates what runs deployments' verifications and follows them up, and
 * schedules it when an environment configures a verification.
 */
export async function createDeploymentVerification(options: {
  store: VerificationStore;
  deliveryStore: DeliveryStore;
  environments: Environment[];
  ingestion: IngestionService;
  promotionEngine: PromotionEngine;
  catalogService: CatalogService;
  auth: AuthService;
  scheduler: SchedulerService;
  signals: DeliverySignals;
  logger: LoggerService;
}): Promise<DeploymentVerification> {
  const { promotionEngine, logger } = options;
  const verification = new DeploymentVerification({
    ...options,
    promotions: promotionEngine.promotions,
    onChanged: changed => options.signals.deploymentsChanged(changed),
    followUp: new VerificationFollowUp({
      ...options,
      promotions: promotionEngine.promotions,
      notifier: promotionEngine.notifier,
      logger,
    }),
  });
  if (options.environments.some(environment => environment.verification)) {
    await verification.schedule(options.scheduler);
  }
  return verification;
}
