import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { isError } from '@backstage/errors';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import { DeliveryStore, DeploymentRecord } from '../../database/DeliveryStore';
import {
  VerificationRecord,
  VerificationStore,
} from '../../database/verifications/VerificationStore';
import { IngestionService } from '../ingestion/IngestionService';
import { ownerOf } from '../promotions/approvers';
import { PromotionNotifier } from '../promotions/PromotionNotifier';
import { PromotionService } from '../promotions/PromotionService';

// How many earlier deployments are looked at for a version to roll back to.
const MAX_ROLLBACK_CANDIDATES = 50;

/** The id of the incident a failed verification opens. */
export const verificationIncidentId = (deploymentId: string) =>
  `verification-${deploymentId}`;

/** Everything a follow-up needs to know about the verified deployment. */
export interface VerifiedDeploymentContext {
  verification: VerificationRecord;
  deployment: DeploymentRecord;
  entity: Entity;
  environment: Environment;
  /** Who caused the deployment, when a person did. */
  requester?: string;
}

/**
 * What follows a verification's end. A failure opens an incident naming the
 * deployment in a production environment (so DORA counts it as a failed
 * deployment, recovered when the incident is resolved), requests a rollback
 * to the last version whose verification did not fail when the environment
 * asks for it (never for a rollback), and tells the requester and the
 * owners. A pass resolves the incidents earlier failures opened there.
 */
export class VerificationFollowUp {
  constructor(
    private readonly options: {
      store: VerificationStore;
      deliveryStore: DeliveryStore;
      ingestion: IngestionService;
      promotions: PromotionService;
      notifier: PromotionNotifier;
      logger: LoggerService;
    },
  ) {}

  /** Follows a failure up; answers what to record of it. */
  async failed(
    context: VerifiedDeploymentContext,
  ): Promise<Pick<VerificationRecord, 'incidentId' | 'rollbackPromotionId'>> {
    const { verification, deployment, entity, environment } = context;
    const recorded: Pick<
      VerificationRecord,
      'incidentId' | 'rollbackPromotionId'
    > = {};
    if (environment.production) {
      recorded.incidentId = await this.openIncident(verification);
    }
    let outcome: string;
    if (!environment.verification?.rollbackOnFailure) {
      outcome = `${environment.name} does not roll back automatically.`;
    } else if (deployment.trigger === 'rollback') {
      outcome = 'It was a rollback, which is never rolled back automatically.';
    } else if (verification.rollbackPromotionId) {
      recorded.rollbackPromotionId = verification.rollbackPromotionId;
      outcome = `A rollback was requested (promotion ${verification.rollbackPromotionId}).`;
    } else {
      const requested = await this.requestRollback(context);
      outcome = requested.outcome;
      if (requested.promotionId) {
        recorded.rollbackPromotionId = requested.promotionId;
      }
    }
    const owner = ownerOf(entity);
    await this.options.notifier.verificationFailed({
      entityRef: verification.entityRef,
      environment: verification.environment,
      version: verification.version,
      deploymentId: verification.deploymentId,
      reason: verification.reason ?? 'The verification failed',
      recipients: [
        ...(context.requester ? [context.requester] : []),
        ...(owner ? [owner] : []),
      ],
      outcome,
    });
    return recorded;
  }

  /** Resolves the incidents that earlier failed verifications opened in the environment. */
  async passed(verification: VerificationRecord): Promise<void> {
    const { store, ingestion } = this.options;
    const open = await store.listOpenIncidents(
      verification.entityRef,
      verification.environment,
    );
    const resolvedAt = verification.finishedAt ?? new Date().toISOString();
    for (const failed of open) {
      await ingestion.ingest([
        {
          type: 'incident',
          id: failed.incidentId!,
          entityRef: failed.entityRef,
          environment: failed.environment,
          openedAt: failed.finishedAt ?? failed.startedAt,
          resolvedAt,
          deploymentId: failed.deploymentId,
        },
      ]);
      await store.resolveIncident(failed.deploymentId, resolvedAt);
    }
  }

  private async openIncident(verification: VerificationRecord) {
    const id = verificationIncidentId(verification.deploymentId);
    await this.options.ingestion.ingest([
      {
        type: 'incident',
        id,
        entityRef: verification.entityRef,
        environment: verification.environment,
        openedAt: verification.finishedAt ?? new Date().toISOString(),
        deploymentId: verification.deploymentId,
      },
    ]);
    return id;
  }

  /** The latest earlier version in the environment whose verification did not fail. */
  private async rollbackTarget(
    deployment: DeploymentRecord,
  ): Promise<string | undefined> {
    const earlier = await this.options.deliveryStore.listSucceededDeployments({
      entityRef: deployment.entityRef,
      environment: deployment.environment,
      otherThanVersion: deployment.version,
      finishedBefore: deployment.finishedAt,
      limit: MAX_ROLLBACK_CANDIDATES,
    });
    const verifications = await this.options.store.get(earlier.map(d => d.id));
    const good = earlier.find(candidate => {
      const state = verifications.get(candidate.id)?.state;
      return state === undefined || state === 'passed';
    });
    return good?.version;
  }

  private async requestRollback(
    context: VerifiedDeploymentContext,
  ): Promise<{ outcome: string; promotionId?: string }> {
    const { verification, deployment, entity, environment } = context;
    const target = await this.rollbackTarget(deployment);
    if (!target) {
      return {
        outcome: `No earlier version passed its verification in ${environment.name}, so nothing was rolled back.`,
      };
    }
    try {
      const promotion = await this.options.promotions.requestAutomaticRollback(
        {
          entityRef: verification.entityRef,
          environment,
          version: target,
          reason: `Automatic rollback: the verification of ${verification.version} failed (${verification.reason})`,
        },
        entity,
        {
          withoutApproval:
            environment.verification?.rollbackWithoutApproval ?? false,
        },
      );
      return {
        promotionId: promotion.id,
        outcome:
          promotion.state === 'pending_approval'
            ? `A rollback to ${target} was requested and waits for approval (promotion ${promotion.id}).`
            : `A rollback to ${target} was requested (promotion ${promotion.id}).`,
      };
    } catch (error) {
      const why = isError(error) ? error.message : String(error);
      this.options.logger.warn(
        `Could not roll back ${verification.entityRef} in ${environment.name} to ${target}: ${why}`,
      );
      return { outcome: `The rollback to ${target} was refused: ${why}` };
    }
  }
}
