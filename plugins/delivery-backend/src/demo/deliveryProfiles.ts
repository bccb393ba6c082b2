import { SeededRandom } from './seededRandom';

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

const elite: Omit<DeliveryProfile, 'ongoingIncident'> = {
  name: 'elite',
  releaseGapHours: [1.5, 4],
  commitsPerRelease: [1, 3],
  commitAgeHours: 3,
  promotionGapHours: [0.5, 1.5],
  productionPromotionGapHours: [1, 3],
  soakHours: { nonProduction: 0.25, production: 1 },
  failedRolloutRate: 0.02,
  incidentRate: 0.02,
  silentRollbackRate: 0.01,
  remedy: { rollback: 0.7, hotfix: 0.2 },
  remedyMinutes: { hotfix: [30, 90], fix: [15, 50] },
  minorBumpRate: 0.15,
};

const high: Omit<DeliveryProfile, 'ongoingIncident'> = {
  name: 'high',
  releaseGapHours: [8, 30],
  commitsPerRelease: [2, 5],
  commitAgeHours: 30,
  promotionGapHours: 'nightly',
  productionPromotionGapHours: [20, 60],
  soakHours: { nonProduction: 0.5, production: 4 },
  failedRolloutRate: 0.05,
  incidentRate: 0.06,
  silentRollbackRate: 0.02,
  remedy: { rollback: 0.4, hotfix: 0.4 },
  remedyMinutes: { hotfix: [60, 180], fix: [15, 240] },
  minorBumpRate: 0.3,
};

const medium: Omit<DeliveryProfile, 'ongoingIncident'> = {
  name: 'medium',
  releaseGapHours: [30, 96],
  commitsPerRelease: [2, 6],
  commitAgeHours: 72,
  promotionGapHours: [24, 72],
  productionPromotionGapHours: [8 * 24, 16 * 24],
  soakHours: { nonProduction: 2, production: 24 },
  failedRolloutRate: 0.1,
  incidentRate: 0.12,
  silentRollbackRate: 0.03,
  remedy: { rollback: 0.3, hotfix: 0.3 },
  remedyMinutes: { hotfix: [60, 240], fix: [30, 480] },
  minorBumpRate: 0.4,
};

const low: Omit<DeliveryProfile, 'ongoingIncident'> = {
  name: 'low',
  releaseGapHours: [96, 240],
  commitsPerRelease: [3, 6],
  commitAgeHours: 120,
  promotionGapHours: [48, 120],
  productionPromotionGapHours: [28 * 24, 40 * 24],
  soakHours: { nonProduction: 4, production: 72 },
  failedRolloutRate: 0.2,
  incidentRate: 0.3,
  silentRollbackRate: 0.05,
  remedy: { rollback: 0.3, hotfix: 0.5 },
  remedyMinutes: { hotfix: [90, 240], fix: [60, 480] },
  minorBumpRate: 0.5,
};

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
