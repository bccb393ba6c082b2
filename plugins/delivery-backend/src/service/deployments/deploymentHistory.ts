import { DeploymentCommit } from '@domain-delivery/backstage-plugin-delivery-common';
import { DeliveryStore, DeploymentRecord } from '../../database/DeliveryStore';

/**
 * Since when the version of this deployment has been running in its
 * environment: the first success of the version after another version ran
 * (redeploying the same version does not reset it), ISO 8601.
 */
export async function runningSince(
  store: DeliveryStore,
  deployment: DeploymentRecord,
): Promise<string> {
  const { entityRef, environment, version } = deployment;
  const [before] = await store.listSucceededDeployments({
    entityRef,
    environment,
    otherThanVersion: version,
    finishedBefore: deployment.finishedAt,
    limit: 1,
  });
  const [first] = await store.listSucceededDeployments({
    entityRef,
    environment,
    version,
    finishedAfter: before?.finishedAt,
    order: 'oldest',
    limit: 1,
  });
  return first?.finishedAt ?? deployment.finishedAt!;
}

/** The commits of the deployments, each once, newest first. */
export async function distinctCommits(
  store: DeliveryStore,
  deployments: DeploymentRecord[],
): Promise<DeploymentCommit[]> {
  const commits = new Map<string, DeploymentCommit>();
  const byDeployment = await store.getCommits(
    deployments.map(deployment => deployment.id),
  );
  for (const list of byDeployment.values()) {
    for (const commit of list) {
      if (!commits.has(commit.sha)) {
        commits.set(commit.sha, commit);
      }
    }
  }
  return [...commits.values()].sort(
    (a, b) =>
      b.committedAt.localeCompare(a.committedAt) || a.sha.localeCompare(b.sha),
  );
}
