import { Deployment } from '@domain-delivery/backstage-plugin-delivery-common';

/** When a deployment happened for the history: when it finished, or started while in progress. */
export function deploymentTime(deployment: Deployment): string {
  return deployment.finishedAt ?? deployment.startedAt;
}

/** Orders deployments newest first, like the backend's history (time, then id). */
export function newestFirst(a: Deployment, b: Deployment): number {
  const byTime =
    new Date(deploymentTime(b)).getTime() -
    new Date(deploymentTime(a)).getTime();
  if (byTime !== 0) {
    return byTime;
  }
  if (a.id === b.id) {
    return 0;
  }
  return a.id < b.id ? 1 : -1;
}
