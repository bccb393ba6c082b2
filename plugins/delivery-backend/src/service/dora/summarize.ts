import { DoraSummary } from '@domain-delivery/backstage-plugin-delivery-common';
import { DoraAggregate } from '../../database/dora/DoraStore';

const ratio = (part: number, whole: number) =>
  whole > 0 ? part / whole : null;
const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);

/**
 * The ten DORA numbers of an aggregate over `days` calendar days: ratios
 * and medians with nothing to divide or take the median of are null.
 */
export function summarize(aggregate: DoraAggregate, days: number): DoraSummary {
  return {
    deployments: aggregate.deployments,
    deploymentFrequencyPerDay: days > 0 ? aggregate.deployments / days : 0,
    leadTimeMedianSeconds: seconds(aggregate.leadTimeMedianMs),
    leadTimeP90Seconds: seconds(aggregate.leadTimeP90Ms),
    leadTimeCommits: aggregate.leadTimeCommits,
    failedDeployments: aggregate.failedDeployments,
    changeFailureRate: ratio(
      aggregate.failedDeployments,
      aggregate.deployments,
    ),
    recoveryMedianSeconds: seconds(aggregate.recoveryMedianMs),
    openFailures: aggregate.openFailures,
    reworkRate: ratio(aggregate.reworkDeployments, aggregate.deployments),
  };
}
