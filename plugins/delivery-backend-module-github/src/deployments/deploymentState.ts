import type { DeploymentStatus } from '@domain-delivery/backstage-plugin-delivery-common';

/** A deployment's status in the portal, and when it finished. */
export interface DeploymentState {
  status: DeploymentStatus;
  finishedAt?: string;
}

/**
 * The portal's status for a GitHub deployment status, or undefined for one
 * that says nothing about this rollout: `inactive` only means a later
 * deployment to the environment replaced it.
 *
 * @param state - the status's state; none for a deployment just created.
 * @param at - when GitHub set the status.
 */
export function deploymentState(
  state: string | undefined,
  at: string,
): DeploymentState | undefined {
  switch (state) {
    case undefined:
    case 'pending':
    case 'queued':
    case 'waiting':
    case 'in_progress':
      return { status: 'in_progress' };
    case 'success':
      return { status: 'succeeded', finishedAt: at };
    case 'failure':
    case 'error':
      return { status: 'failed', finishedAt: at };
    default:
      return undefined;
  }
}
