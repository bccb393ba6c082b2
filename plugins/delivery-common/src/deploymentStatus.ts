import { DeploymentStatus } from './types';

// Whether a deployment in this status has finished, whatever the outcome.
function isFinishedStatus(status: DeploymentStatus): boolean {
  return status !== 'in_progress';
}

/**
 * Whether a later event for the same deployment, with status `incoming`, may
 * replace the stored record with status `current`.
 *
 * @remarks
 * Events may arrive in any order, so an `in_progress` event never replaces a
 * finished deployment; any other later event does.
 *
 * @public
 */
export function isNewerStatus(
  current: DeploymentStatus,
  incoming: DeploymentStatus,
): boolean {
  return isFinishedStatus(incoming) || !isFinishedStatus(current);
}
