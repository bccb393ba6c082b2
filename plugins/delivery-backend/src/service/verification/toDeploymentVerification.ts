import { DeploymentVerification } from '@domain-delivery/backstage-plugin-delivery-common';
import {
  VerificationRecord,
  VerificationStore,
} from '../../database/verifications/VerificationStore';

/** A stored verification as the API answers it, without what only the checks need. */
export function toDeploymentVerification(
  record: VerificationRecord,
): DeploymentVerification {
  return {
    state: record.state,
    ...(record.reason && { reason: record.reason }),
    startedAt: record.startedAt,
    ...(record.finishedAt && { finishedAt: record.finishedAt }),
    ...(record.rollbackPromotionId && {
      rollbackPromotionId: record.rollbackPromotionId,
    }),
    checks: record.checks.map(
      ({ dueAt, successes, holdingSince, ...check }) => check,
    ),
  };
}

/** Reads the verifications of deployments, as the API answers them. */
export type DeploymentVerificationReader = Pick<VerificationStore, 'get'>;
