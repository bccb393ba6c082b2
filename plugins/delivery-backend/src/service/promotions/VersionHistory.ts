import { DeploymentCommit } from '@domain-delivery/backstage-plugin-delivery-common';
import { DeliveryStore, DeploymentRecord } from '../../database/DeliveryStore';
import {
  distinctCommits,
  runningSince,
} from '../deployments/deploymentHistory';

// How many deployments between two versions are looked at, newest first.
const MAX_DEPLOYMENTS_BETWEEN = 100;

/**
 * Which versions of an entity ran where, since when and with which commits:
 * the questions the promotion engine asks of the deployment history.
 */
export class VersionHistory {
  constructor(private readonly store: DeliveryStore) {}

  /** What runs in the environment: its latest succeeded deployment. */
  async running(
    entityRef: string,
    environment: string,
  ): Promise<DeploymentRecord | undefined> {
    return this.latestSuccess(entityRef, environment);
  }

  /** The latest succeeded deployment in the environment, of the version when one is named. */
  async latestSuccess(
    entityRef: string,
    environment: string,
    version?: string,
  ): Promise<DeploymentRecord | undefined> {
    const [latest] = await this.store.listSucceededDeployments({
      entityRef,
      environment,
      version,
      limit: 1,
    });
    return latest;
  }

  /**
   * Since when the version of this deployment has been running in its
   * environment: the first success of the version after another version ran
   * (redeploying the same version does not reset it), ISO 8601.
   */
  async runningSince(deployment: DeploymentRecord): Promise<string> {
    return runningSince(this.store, deployment);
  }

  /** The head commit of the version, from its latest succeeded deployment in any of the environments. */
  async headCommit(
    entityRef: string,
    version: string,
    environments: string[],
  ): Promise<string | undefined> {
    for (const environment of environments) {
      const deployment = await this.latestSuccess(
        entityRef,
        environment,
        version,
      );
      if (deployment) {
        return deployment.commitSha;
      }
    }
    return undefined;
  }

  /**
   * The commits a promotion from `source` brings: those of the deployments
   * that succeeded there after the version the target runs, up to the
   * promoted version's latest one; newest first, each once.
   */
  async commitsBetween(options: {
    entityRef: string;
    source: string;
    target: string;
    version: string;
  }): Promise<DeploymentCommit[]> {
    const { entityRef, source, target, version } = options;
    const promoted = await this.latestSuccess(entityRef, source, version);
    if (!promoted) {
      return [];
    }
    const running = await this.running(entityRef, target);
    let since: string | undefined;
    if (running) {
      const there = await this.latestSuccess(
        entityRef,
        source,
        running.version,
      );
      since = there?.finishedAt ?? running.finishedAt;
    }
    const upTo = new Date(Date.parse(promoted.finishedAt!) + 1).toISOString();
    const deployments = await this.store.listSucceededDeployments({
      entityRef,
      environment: source,
      finishedAfter: since,
      finishedBefore: upTo,
      otherThanVersion: running?.version,
      limit: MAX_DEPLOYMENTS_BETWEEN,
    });
    return distinctCommits(this.store, deployments);
  }
}
