import {
  DoraDistribution,
  DoraLowestTiers,
  DoraTier,
  DoraTierCounts,
  DoraTiers,
  changeFailureRateTier,
  deploymentFrequencyTier,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DoraRating } from '../../database/dora/DoraStore';

const METRICS: Array<keyof DoraTiers> = [
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'recovery',
];

// Best first: the lowest non-empty tier is the last one with members.
const TIERS: DoraTier[] = ['elite', 'high', 'medium', 'low'];

const noCounts = (): DoraTierCounts => ({
  elite: 0,
  high: 0,
  medium: 0,
  low: 0,
  none: 0,
});

/** The spread behind a roll-up, and who sits in the lowest tier of each metric. */
export interface DoraSpread {
  distribution: DoraDistribution;
  lowestTiers: DoraLowestTiers;
}

/**
 * Rates every member component on its own numbers over the window (`days`
 * calendar days), exactly as `GET /dora` rates one component, and counts
 * the members in each tier of each key metric; names the members in the
 * lowest tier that has any (`none` aside), so a roll-up cannot hide them.
 */
export function doraDistribution(
  ratings: Map<string, DoraRating>,
  days: number,
): DoraSpread {
  const counts = Object.fromEntries(
    METRICS.map(metric => [metric, noCounts()]),
  ) as Record<keyof DoraTiers, DoraTierCounts>;
  const members = Object.fromEntries(
    METRICS.map(metric => [metric, new Map<DoraTier, string[]>()]),
  ) as Record<keyof DoraTiers, Map<DoraTier, string[]>>;

  const refs = [...ratings.keys()].sort();
  for (const ref of refs) {
    const rating = ratings.get(ref)!;
    // As doraTiers rates a summary of the same numbers.
    const tiers: DoraTiers = {
      deploymentFrequency: deploymentFrequencyTier(
        days > 0 ? rating.deployments / days : 0,
      ),
      leadTime: rating.leadTime,
      changeFailureRate: changeFailureRateTier(
        rating.deployments > 0
          ? rating.failedDeployments / rating.deployments
          : null,
      ),
      recovery: rating.recovery,
    };
    for (const metric of METRICS) {
      const tier = tiers[metric];
      if (tier === null) {
        counts[metric].none += 1;
      } else {
        counts[metric][tier] += 1;
        const inTier = members[metric].get(tier);
        if (inTier) {
          inTier.push(ref);
        } else {
          members[metric].set(tier, [ref]);
        }
      }
    }
  }

  const lowest = (metric: keyof DoraTiers) => {
    const tier = [...TIERS].reverse().find(t => members[metric].has(t));
    return tier ? { tier, entityRefs: members[metric].get(tier)! } : null;
  };
  return {
    distribution: counts,
    lowestTiers: {
      deploymentFrequency: lowest('deploymentFrequency'),
      leadTime: lowest('leadTime'),
      changeFailureRate: lowest('changeFailureRate'),
      recovery: lowest('recovery'),
    },
  };
}
