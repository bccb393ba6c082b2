/**
 * The DORA metrics the portal shows.
 *
 * @public
 */
export type DoraMetric =
  | 'deploymentFrequency'
  | 'leadTime'
  | 'changeFailureRate'
  | 'recovery'
  | 'reworkRate';

/**
 * What a DORA metric means, in plain words, for a hover or a help text.
 *
 * @public
 */
export interface DoraMetricExplanation {
  /** The metric's name, e.g. `Lead time for changes`. */
  title: string;
  /** What it measures and how it is counted, in one or two sentences. */
  description: string;
  /** What the tiers are, e.g. `Elite: under a day …`; absent without tiers. */
  tiers?: string;
}

/**
 * Plain-language explanations of each DORA metric, matching how the backend
 * computes them.
 *
 * @public
 */
export const DORA_METRIC_EXPLANATIONS: Record<
  DoraMetric,
  DoraMetricExplanation
> = {
  deploymentFrequency: {
    title: 'Deployment frequency',
    description:
      'How often a change reaches production: successful production deployments in the period, divided by its number of days. Failed or cancelled rollouts do not count.',
    tiers:
      'Elite: at least once a day. High: at least once a week. Medium: at least once a month (30 days). Low: less often.',
  },
  leadTime: {
    title: 'Lead time for changes',
    description:
      'How long a commit takes to reach production: from the commit to the end of the first successful production deployment that includes it. Each commit counts once, in the period of that first deployment. Shown as the median, with the 90th percentile.',
    tiers:
      'Elite: under a day. High: under a week. Medium: under a month (30 days). Low: a month or more.',
  },
  changeFailureRate: {
    title: 'Change failure rate',
    description:
      'The share of production deployments that caused a failure: an incident names the deployment, an incident opens within the attribution window after it and before the next deployment, or the next deployment is a rollback or a hotfix.',
    tiers:
      'Elite: 5 % or less. High: 10 % or less. Medium: 15 % or less. Low: more than 15 %.',
  },
  recovery: {
    title: 'Failed deployment recovery time',
    description:
      'How long it takes to recover from a failed deployment: until its last incident is resolved or, without an incident, until the next production deployment (the rollback or hotfix). Shown as the median; failures still open are counted separately.',
    tiers:
      'Elite: under an hour. High: under a day. Medium: under a week. Low: a week or more.',
  },
  reworkRate: {
    title: 'Deployment rework rate',
    description:
      'The share of production deployments that were unplanned: rollbacks and hotfixes.',
  },
};
