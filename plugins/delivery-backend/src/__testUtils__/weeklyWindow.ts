import { JsonObject } from '@backstage/types';
import { WEEKDAYS } from '../service/promotions/freezeWindows/freezeWindowActivity';

/** A weekly window, in UTC, from an hour ago to two hours from now. */
export function weeklyWindowAroundNow(): JsonObject {
  const point = (offsetMinutes: number) => {
    const at = new Date(Date.now() + offsetMinutes * 60_000);
    const day = WEEKDAYS[(at.getUTCDay() + 6) % 7];
    const time = at.toISOString().slice(11, 16);
    return `${day} ${time}`;
  };
  return {
    from: point(-60),
    to: point(120),
    timeZone: 'UTC',
    reason: 'Maintenance',
  };
}
