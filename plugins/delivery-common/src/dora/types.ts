/**
 * A DORA performance cluster, best first; `null` where the metric has no
 * value (e.g. no failed deployment to take a recovery median of).
 *
 * @public
 */
export type DoraTier = 'elite' | 'high' | 'medium' | 'low';

/**
 * How the DORA series divides the window: calendar days or ISO weeks
 * (Monday to Sunday), in the requested time zone.
 *
 * @public
 */
export type DoraBucketSize = 'day' | 'week';

/**
 * The DORA numbers of a scope (an entity, a domain, a team or the whole
 * portal) over a window `[from, to)`, as `PRODUCT.md` defines them. A ratio
 * with nothing to divide, or a median of nothing, is `null`.
 *
 * @public
 */
export interface DoraSummary {
  /** Succeeded production deployments that finished in the window. */
  deployments: number;
  /** `deployments` ÷ days in the window (calendar days in the time zone). */
  deploymentFrequencyPerDay: number;
  /** Median lead time for changes, `percentile_cont(0.5)`, in seconds. */
  leadTimeMedianSeconds: number | null;
  /** 90th percentile lead time for changes, `percentile_cont(0.9)`, in seconds. */
  leadTimeP90Seconds: number | null;
  /** Commits whose first production deployment finished in the window. */
  leadTimeCommits: number;
  /** Deployments in the window that failed (incident, rollback or hotfix). */
  failedDeployments: number;
  /** `failedDeployments` ÷ `deployments`. */
  changeFailureRate: number | null;
  /** Median failed deployment recovery time of those that recovered, in seconds. */
  recoveryMedianSeconds: number | null;
  /** Failed deployments in the window that have not recovered yet. */
  openFailures: number;
  /** Deployments with trigger `rollback` or `hotfix` ÷ `deployments`. */
  reworkRate: number | null;
}

/**
 * The DORA tier of each of the four keys; `null` where the metric is `null`.
 *
 * @public
 */
export interface DoraTiers {
  deploymentFrequency: DoraTier | null;
  leadTime: DoraTier | null;
  changeFailureRate: DoraTier | null;
  recovery: DoraTier | null;
}

/**
 * One day or ISO week of the DORA series: the same numbers as the summary,
 * over the part of the bucket that lies in the window.
 *
 * @public
 */
export interface DoraBucket extends DoraSummary {
  /** Where the calendar day or week starts, ISO 8601 in UTC. */
  start: string;
  /** Where it ends (exclusive), ISO 8601 in UTC. */
  end: string;
  /** The local day (`2026-03-29`) or ISO week (`2026-W13`) it stands for. */
  label: string;
}

/**
 * The answer to `GET /dora`.
 *
 * @public
 */
export interface DoraResponse {
  /** The numbers over the whole window. */
  summary: DoraSummary;
  /** The tier of each key metric. */
  tiers: DoraTiers;
  /** One bucket per day or ISO week that overlaps the window, in order. */
  series: DoraBucket[];
}
