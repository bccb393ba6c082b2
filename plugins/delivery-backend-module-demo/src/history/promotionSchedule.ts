import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';
import { DeliveryProfile } from './deliveryProfiles';
import { Release, ReleaseLine } from './ReleaseLine';
import { EnvironmentState, inRange } from './simulatedEnvironment';
import {
  DAY,
  HOUR,
  MINUTE,
  WorkingHours,
  nextWorkingTime,
  startOfUtcDay,
} from './workingHours';

/**
 * The newest good version of the previous environment that has soaked there
 * long enough and is newer than what the target runs, if any.
 */
export function promotionCandidate(
  source: EnvironmentState,
  target: EnvironmentState,
  at: number,
  soakHours: DeliveryProfile['soakHours'],
  releases: ReleaseLine,
): Release | undefined {
  const soak = target.production
    ? soakHours.production
    : soakHours.nonProduction;
  let candidate: Release | undefined;
  for (const { release, finishedAt } of source.succeeded.slice(-100)) {
    if (
      finishedAt <= at - soak * HOUR &&
      release.seq > target.running.seq &&
      !releases.isRolledBack(release) &&
      (!candidate || release.seq > candidate.seq)
    ) {
      candidate = release;
    }
  }
  return candidate;
}

/** When the next attempt to promote into an environment comes after `after`. */
export function nextPromotionTime(
  random: SeededRandom,
  profile: DeliveryProfile,
  hours: { hours: WorkingHours; productionHours: WorkingHours },
  production: boolean,
  after: number,
): number {
  const { promotionGapHours, productionPromotionGapHours } = profile;
  if (production) {
    const at = after + inRange(random, productionPromotionGapHours, HOUR);
    return nextWorkingTime(at, hours.productionHours, random);
  }
  if (promotionGapHours === 'nightly') {
    // A scheduled job promotes the day's newest version every night.
    const minutes = 23 * 60 + 50 + random.between(0, 8);
    const tonight = startOfUtcDay(after) + minutes * MINUTE;
    return tonight > after + HOUR ? tonight : tonight + DAY;
  }
  const at = after + inRange(random, promotionGapHours, HOUR);
  return nextWorkingTime(at, hours.hours, random);
}
