import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';

/** A range [min, max]. */
export type Range = readonly [min: number, max: number];

/**
 * How a demo team delivers: the cadence and failure rates that put its
 * service in one DORA tier or another.
 */
export interface DeliveryProfile {
  /** The DORA tier this profile is meant to land in. */
  name: 'elite' | 'high' | 'medium' | 'low';
  /** Time between two releases (pipeline runs into the first environment). */
  releaseGapHours: Range;
  /** How many commits a release carries. */
  commitsPerRelease: Range;
  /** How long before its release a commit was made, at most. */
  commitAgeHours: number;
  /**
   * Time between two promotion attempts into a non-production environment;
   * `nightly` promotes once a night at 23:50 UTC instead.
   */
  promotionGapHours: Range | 'nightly';
  /** Time between two promotion attempts into a production environment. */
  productionPromotionGapHours: Range;
  /** How long a version runs in the previous environment before promotion. */
  soakHours: { nonProduction: number; production: number };
  /** Chance that a promotion or pipeline rollout fails (and is retried). */
  failedRolloutRate: number;
  /** Chance that a production deployment causes an incident. */
  incidentRate: number;
  /** Chance that a production deployment is rolled back without an incident. */
  silentRollbackRate: number;
  /** How incidents are remedied; the rest are fixed without a deployment. */
  remedy: { rollback: number; hotfix: number };
  /** Minutes from an incident to the hotfix, and to a fix without a deployment. */
  remedyMinutes: { hotfix: Range; fix: Range };
  /** Chance that a release bumps the minor rather than the patch version. */
  minorBumpRate: number;
  /** Whether the service has an incident still open at the end of the history. */
  ongoingIncident: boolean;
}

type TierProfile = Omit<DeliveryProfile, 'ongoingIncident'>;

/**
 * The tiers side by side: each field's value for elite, high, medium and
 * low delivery, in that order.
 */
const TIERS: {
  [Field in keyof TierProfile]: readonly [
    elite: TierProfile[Field],
    high: TierProfile[Field],
    medium: TierProfile[Field],
    low: TierProfile[Field],
  ];
} = {
  name: ['elite', 'high', 'medium', 'low'],
  releaseGapHours: [
    [1.5, 4],
    [8, 30],
    [30, 96],
    [96, 240],
  ],
  commitsPerRelease: [
    [1, 3],
    [2, 5],
    [2, 6],
    [3, 6],
  ],
  commitAgeHours: [3, 30, 72, 120],
  promotionGapHours: [[0.5, 1.5], 'nightly', [24, 72], [48, 120]],
  productionPromotionGapHours: [
    [1, 3],
    [20, 60],
    [8 * 24, 16 * 24],
    [28 * 24, 40 * 24],
  ],
  soakHours: [
    { nonProduction: 0.25, production: 1 },
    { nonProduction: 0.5, production: 4 },
    { nonProduction: 2, production: 24 },
    { nonProduction: 4, production: 72 },
  ],
  failedRolloutRate: [0.02, 0.05, 0.1, 0.2],
  incidentRate: [0.02, 0.06, 0.12, 0.3],
  silentRollbackRate: [0.01, 0.02, 0.03, 0.05],
  remedy: [
    { rollback: 0.7, hotfix: 0.2 },
    { rollback: 0.4, hotfix: 0.4 },
    { rollback: 0.3, hotfix: 0.3 },
    { rollback: 0.3, hotfix: 0.5 },
  ],
  remedyMinutes: [
    { hotfix: [30, 90], fix: [15, 50] },
    { hotfix: [60, 180], fix: [15, 240] },
    { hotfix: [60, 240], fix: [30, 480] },
    { hotfix: [90, 240], fix: [60, 480] },
  ],
  minorBumpRate: [0.15, 0.3, 0.4, 0.5],
};

/** One tier's column of {@link TIERS}. */
function tierProfile(tier: 0 | 1 | 2 | 3): TierProfile {
  return Object.fromEntries(
    Object.entries(TIERS).map(([field, values]) => [field, values[tier]]),
  ) as TierProfile;
}

const [elite, high, medium, low] = ([0, 1, 2, 3] as const).map(tierProfile);

/**
 * The delivery profile of an entity, derived from its ref alone so that it
 * does not change when other entities come and go.
 */
export function deliveryProfileFor(entityRef: string): DeliveryProfile {
  const draw = SeededRandom.fromString(`${entityRef}#cadence`).next();
  let base = low;
  if (draw < 0.3) {
    base = elite;
  } else if (draw < 0.6) {
    base = high;
  } else if (draw < 0.85) {
    base = medium;
  }
  const ongoingIncident =
    base.name === 'low' ||
    SeededRandom.fromString(`${entityRef}#ongoing`).next() < 0.15;
  return { ...base, ongoingIncident };
}
