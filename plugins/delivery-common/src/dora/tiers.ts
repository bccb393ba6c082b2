import { DoraSummary, DoraTier, DoraTiers } from '../types';

const HOUR_SECONDS = 60 * 60;
const DAY_SECONDS = 24 * HOUR_SECONDS;
const WEEK_SECONDS = 7 * DAY_SECONDS;
/**
 * "A month" in the DORA tiers is 30 days: DORA's clusters name months, and a
 * fixed length keeps the boundary the same in every month.
 */
const MONTH_SECONDS = 30 * DAY_SECONDS;

/**
 * The boundaries of DORA's published performance clusters, as used by
 * {@link doraTiers}. Lead time and recovery are in seconds, deployment
 * frequency in deployments per day, change failure rate as a ratio. A month
 * is 30 days.
 */
const DORA_TIER_THRESHOLDS = {
  /** Elite below 1 day ≤ high below 1 week ≤ medium below 1 month ≤ low. */
  leadTimeSeconds: {
    elite: DAY_SECONDS,
    high: WEEK_SECONDS,
    medium: MONTH_SECONDS,
  },
  /** Elite at least 1 a day, high at least 1 a week, medium at least 1 a month, low below. */
  deploymentsPerDay: { elite: 1, high: 1 / 7, medium: 1 / 30 },
  /** Elite at most 5 % < high at most 10 % < medium at most 15 % < low. */
  changeFailureRate: { elite: 0.05, high: 0.1, medium: 0.15 },
  /** Elite below 1 hour ≤ high below 1 day ≤ medium below 1 week ≤ low. */
  recoverySeconds: {
    elite: HOUR_SECONDS,
    high: DAY_SECONDS,
    medium: WEEK_SECONDS,
  },
} as const;

type Bounds = { elite: number; high: number; medium: number };

// Lower is better, and a value at a boundary belongs to the worse tier.
function belowBounds(value: number | null, bounds: Bounds): DoraTier | null {
  if (value === null) {
    return null;
  }
  if (value < bounds.elite) {
    return 'elite';
  }
  if (value < bounds.high) {
    return 'high';
  }
  return value < bounds.medium ? 'medium' : 'low';
}

/**
 * The lead time tier of a median lead time in seconds: elite under 1 day,
 * high under 1 week, medium under 1 month (30 days), low from there on.
 *
 * @public
 */
export function leadTimeTier(medianSeconds: number | null): DoraTier | null {
  return belowBounds(medianSeconds, DORA_TIER_THRESHOLDS.leadTimeSeconds);
}

/**
 * The recovery tier of a median failed deployment recovery time in seconds:
 * elite under 1 hour, high under 1 day, medium under 1 week, low from there on.
 *
 * @public
 */
export function recoveryTier(medianSeconds: number | null): DoraTier | null {
  return belowBounds(medianSeconds, DORA_TIER_THRESHOLDS.recoverySeconds);
}

/**
 * The deployment frequency tier: elite ≥ 1 per day, high ≥ 1 per week,
 * medium ≥ 1 per month (30 days), low below (including none at all).
 *
 * @public
 */
export function deploymentFrequencyTier(
  deploymentsPerDay: number | null,
): DoraTier | null {
  if (deploymentsPerDay === null) {
    return null;
  }
  const bounds = DORA_TIER_THRESHOLDS.deploymentsPerDay;
  if (deploymentsPerDay >= bounds.elite) {
    return 'elite';
  }
  if (deploymentsPerDay >= bounds.high) {
    return 'high';
  }
  return deploymentsPerDay >= bounds.medium ? 'medium' : 'low';
}

/**
 * The change failure rate tier of a ratio: elite at most 5 %, high at most
 * 10 %, medium at most 15 %, low above.
 *
 * @public
 */
export function changeFailureRateTier(rate: number | null): DoraTier | null {
  if (rate === null) {
    return null;
  }
  const bounds = DORA_TIER_THRESHOLDS.changeFailureRate;
  if (rate <= bounds.elite) {
    return 'elite';
  }
  if (rate <= bounds.high) {
    return 'high';
  }
  return rate <= bounds.medium ? 'medium' : 'low';
}

/**
 * The tier of each key metric of a summary; `null` where the metric is.
 *
 * @public
 */
export function doraTiers(summary: DoraSummary): DoraTiers {
  return {
    deploymentFrequency: deploymentFrequencyTier(
      summary.deploymentFrequencyPerDay,
    ),
    leadTime: leadTimeTier(summary.leadTimeMedianSeconds),
    changeFailureRate: changeFailureRateTier(summary.changeFailureRate),
    recovery: recoveryTier(summary.recoveryMedianSeconds),
  };
}
