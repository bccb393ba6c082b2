import { DoraAggregate } from './DoraStore';

/** A bigint column as the pg driver answers it: text, or a number from SQLite. */
export type Millis = number | string;

/** The triggers that make a deployment rework, as an SQL list. */
export const REWORK = `('rollback', 'hotfix')`;

export const numberOrNull = (value: Millis | null | undefined) =>
  value === null || value === undefined ? null : Number(value);

/** The counts and recovery median a deployments query answers per group. */
export interface DeploymentColumns {
  deployments: Millis;
  rework: Millis;
  failed: Millis;
  open_failures: Millis;
  recovery_median: number | null;
}

/** The commit count and lead-time percentiles a commits query answers per group. */
export interface LeadTimeColumns {
  commits: Millis;
  lead_time: number[] | null;
}

/** A deployments query's group, as the aggregate's fields. */
export const deploymentFigures = (
  row: DeploymentColumns,
): Partial<DoraAggregate> => ({
  deployments: Number(row.deployments),
  reworkDeployments: Number(row.rework),
  failedDeployments: Number(row.failed),
  openFailures: Number(row.open_failures),
  recoveryMedianMs: numberOrNull(row.recovery_median),
});

/**
 * A commits query's group, as the aggregate's fields (percentile_cont of no
 * rows is null, not an array of nulls).
 */
export const leadTimeFigures = (
  row: LeadTimeColumns,
): Partial<DoraAggregate> => ({
  leadTimeCommits: Number(row.commits),
  leadTimeMedianMs: numberOrNull(row.lead_time?.[0]),
  leadTimeP90Ms: numberOrNull(row.lead_time?.[1]),
});
