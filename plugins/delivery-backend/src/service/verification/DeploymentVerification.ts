import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import { DeliveryStore, DeploymentRecord } from '../../database/DeliveryStore';
import {
  ClaimedVerification,
  VerificationRecord,
  VerificationStore,
} from '../../database/verifications/VerificationStore';
import { PromotionService } from '../promotions/PromotionService';
import { DeploymentTarget } from '../signals/DeliverySignals';
import { checkOnce, settle } from './checkOnce';
import { VerifiedDeployment } from './checks/VerificationCheckKind';
import { VerificationFollowUp } from './VerificationFollowUp';

// A claim older than this belongs to a replica that stopped mid-check: each
// look takes at most a few requests of ten seconds.
const CLAIM_LEASE_MS = 120_000;

// How many verifications one run of the task looks at.
const BATCH_SIZE = 50;

const PROMOTION_DEPLOYMENT = /^promotion-(.+)$/;

/**
 * Runs the verifications the queue started, as a scheduler task with
 * `scope: 'global'`: each run claims the verifications that are due
 * atomically in the database, looks once at each of their due checks and
 * stores what it saw. Every verification is therefore looked at by one
 * replica at a time, and one that a stopped replica left mid-check is
 * resumed by another once its claim is stale.
 */
export class DeploymentVerification {
  /** The id of the scheduled task that runs verifications. */
  static readonly TASK_ID = 'delivery-deployment-verification';

  private readonly environments: Map<string, Environment>;

  constructor(
    private readonly options: {
      store: VerificationStore;
      deliveryStore: DeliveryStore;
      environments: Environment[];
      catalogService: CatalogService;
      auth: AuthService;
      promotions: PromotionService;
      followUp: VerificationFollowUp;
      /** Told of each verification that changed, so that open pages reload. */
      onChanged?: (changed: DeploymentTarget[]) => Promise<void>;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.environments = new Map(options.environments.map(e => [e.name, e]));
  }

  /** Schedules the task that runs due verifications. */
  async schedule(
    scheduler: SchedulerService,
    frequency: { seconds: number } | { milliseconds: number } = { seconds: 5 },
  ): Promise<void> {
    await scheduler.scheduleTask({
      id: DeploymentVerification.TASK_ID,
      scope: 'global',
      frequency,
      timeout: { milliseconds: CLAIM_LEASE_MS },
      initialDelay: { seconds: 5 },
      fn: signal => this.runDue(signal),
    });
  }

  /** Looks at every verification that is due and no other replica holds. */
  async runDue(signal?: AbortSignal): Promise<void> {
    const { store } = this.options;
    const due = await store.listDue({ ...this.dueQuery(), limit: BATCH_SIZE });
    for (const deploymentId of due) {
      if (signal?.aborted) {
        return;
      }
      // Claimed one at a time, right before it is looked at, so that a claim
      // never waits behind others long enough to look stale.
      const claim = await store.claim(deploymentId, this.dueQuery());
      if (!claim) {
        continue; // Another replica took it.
      }
      try {
        await this.verify(claim);
        const { entityRef, environment } = claim.verification;
        await this.options.onChanged?.([{ entityRef, environment }]);
      } catch (error) {
        // Left claimed: another run takes it up again once the claim is stale.
        this.options.logger.error(
          `Could not verify deployment ${deploymentId}: ${stringifyError(
            error,
          )}`,
        );
      }
    }
  }

  private dueQuery() {
    const now = this.now();
    return {
      now: now.toISOString(),
      staleBefore: new Date(now.getTime() - CLAIM_LEASE_MS).toISOString(),
    };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async verify({ verification, claimToken }: ClaimedVerification) {
    const { store, deliveryStore } = this.options;
    const now = this.now();
    const environment = this.environments.get(verification.environment);
    const [deployment] = await deliveryStore.getDeployments([
      verification.deploymentId,
    ]);
    // Ends it without a follow-up; one that already failed keeps its reason.
    const stop = (reason: string) =>
      store.save(
        verification.state === 'failed'
          ? { ...verification, followUp: 'done' }
          : settle(verification, now, reason),
        claimToken,
        { release: true },
      );
    if (!environment?.verification) {
      await stop(
        `${verification.environment} no longer configures a verification`,
      );
      return;
    }
    if (!deployment || deployment.status !== 'succeeded') {
      await stop(
        `the deployment is ${
          deployment ? deployment.status : 'no longer stored'
        }`,
      );
      return;
    }
    const entity = await this.entityOf(verification.entityRef);
    if (!entity) {
      await stop(`the catalog has no ${verification.entityRef}`);
      return;
    }
    if (verification.followUp === 'pending') {
      await this.followUpFailure(verification, claimToken, {
        deployment,
        entity,
        environment,
      });
      return;
    }
    const [running] = await deliveryStore.listSucceededDeployments({
      entityRef: verification.entityRef,
      environment: verification.environment,
      limit: 1,
    });
    if (running && running.id !== deployment.id) {
      // What runs now is another deployment, verified on its own.
      await stop(
        `${running.version} was deployed before this verification ended`,
      );
      return;
    }

    const next = await checkOnce(
      verification,
      environment.verification,
      await this.verifiedDeployment(deployment, entity),
      now,
    );
    if (next.state !== 'failed') {
      const saved = await store.save(next, claimToken, { release: true });
      if (saved && next.state === 'passed') {
        await this.options.followUp.passed(next);
      }
      return;
    }
    const failed: VerificationRecord = { ...next, followUp: 'pending' };
    if (await store.save(failed, claimToken, { release: false })) {
      await this.followUpFailure(failed, claimToken, {
        deployment,
        entity,
        environment,
      });
    }
  }

  // Kept claimed and `pending` until done, so that a replica that stops
  // halfway leaves it for another to finish.
  private async followUpFailure(
    verification: VerificationRecord,
    claimToken: string,
    context: {
      deployment: DeploymentRecord;
      entity: Entity;
      environment: Environment;
    },
  ) {
    const recorded = await this.options.followUp.failed({
      ...context,
      verification,
      requester: await this.requesterOf(context.deployment),
    });
    await this.options.store.save(
      { ...verification, ...recorded, followUp: 'done' },
      claimToken,
      { release: true },
    );
  }

  private async entityOf(entityRef: string): Promise<Entity | undefined> {
    return this.options.catalogService.getEntityByRef(entityRef, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
  }

  private async promotionOf(deployment: DeploymentRecord) {
    const id = PROMOTION_DEPLOYMENT.exec(deployment.id)?.[1];
    if (!id) {
      return undefined;
    }
    try {
      return await this.options.promotions.get(id);
    } catch {
      return undefined;
    }
  }

  /** Who to tell: whoever requested the promotion, or the person a pipeline named. */
  private async requesterOf(
    deployment: DeploymentRecord,
  ): Promise<string | undefined> {
    const promotion = await this.promotionOf(deployment);
    const requester = promotion?.requestedBy ?? deployment.actor;
    return requester?.startsWith('user:') ? requester : undefined;
  }

  private async verifiedDeployment(
    deployment: DeploymentRecord,
    entity: Entity,
  ): Promise<VerifiedDeployment> {
    const promotion = await this.promotionOf(deployment);
    return {
      entity,
      entityRef: deployment.entityRef,
      environment: deployment.environment,
      version: deployment.version,
      revisions: [
        deployment.commitSha,
        ...(promotion?.gitopsCommitSha ? [promotion.gitopsCommitSha] : []),
      ],
    };
  }
}
