import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusRunning,
} from '@backstage/core-components';
import { DeploymentStatus } from '@domain-delivery/backstage-plugin-delivery-common';

const STATUS_LABELS: Record<DeploymentStatus, string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  in_progress: 'In progress',
  cancelled: 'Cancelled',
};

/** The words for a deployment status, e.g. `In progress`. */
export function deploymentStatusText(status: DeploymentStatus): string {
  return STATUS_LABELS[status] ?? status;
}

/** A deployment's status as a coloured dot and a word, never colour alone. */
export const DeploymentStatusLabel = ({
  status,
}: {
  status: DeploymentStatus;
}) => {
  const text = deploymentStatusText(status);
  switch (status) {
    case 'succeeded':
      return <StatusOK>{text}</StatusOK>;
    case 'failed':
      return <StatusError>{text}</StatusError>;
    case 'in_progress':
      return <StatusRunning>{text}</StatusRunning>;
    default:
      return <StatusAborted>{text}</StatusAborted>;
  }
};
