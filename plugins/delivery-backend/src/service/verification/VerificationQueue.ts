import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import {
  DeploymentEvent,
  Environment,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  VerificationRecord,
  VerificationStore,
} from '../../database/verifications/VerificationStore';
import { configuredChecks, longestTimeoutMs } from './checkKinds';

// Deployments that finished this long ago are verified when reported now.
const RECENT_MS = 60 * 60_000;

/**
 * Starts a verification for each succeeded deployment stored into an
 * environment that configures one, whatever reported it (a promotion, a
 * rollback, a pipeline's event, a source). A deployment that finished
 * more than an hour ago, or longer ago than its checks may take (history
 * loaded late, a backfill), is not verified: what runs now may well be
 * something else.
 */
export class VerificationQueue {
  private readonly environments: Map<string, Environment>;

  constructor(
    private readonly options: {
      store: VerificationStore;
      environments: Environment[];
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.environments = new Map(options.environments.map(e => [e.name, e]));
  }

  /**
   * Starts the verifications of the deployments that need one; the stored
   * ones stay. Never throws: the deployments are stored already.
   */
  async deploymentsStored(deployments: DeploymentEvent[]): Promise<void> {
    try {
      await this.start(deployments);
    } catch (error) {
      this.options.logger.error(
        `Could not start the verification of deployments ${deployments
          .map(d => d.id)
          .join(', ')}: ${stringifyError(error)}`,
      );
    }
  }

  private async start(deployments: DeploymentEvent[]): Promise<void> {
    const now = this.options.now?.() ?? new Date();
    const started: VerificationRecord[] = [];
    for (const deployment of deployments) {
      const verification = this.environments.get(
        deployment.environment,
      )?.verification;
      if (
        !verification ||
        deployment.status !== 'succeeded' ||
        !deployment.finishedAt ||
        Date.parse(deployment.finishedAt) <
          now.getTime() - Math.max(RECENT_MS, longestTimeoutMs(verification))
      ) {
        continue;
      }
      started.push({
        deploymentId: deployment.id,
        entityRef: deployment.entityRef,
        environment: deployment.environment,
        version: deployment.version,
        state: 'running',
        startedAt: now.toISOString(),
        nextCheckAt: now.toISOString(),
        checks: configuredChecks(verification).map(({ kind, template }) => ({
          kind,
          state: 'running',
          target: template,
          reason: 'not looked at yet',
        })),
      });
    }
    await this.options.store.start(started);
  }
}
