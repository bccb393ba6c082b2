import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';

/** One minute, in milliseconds. */
export const MINUTE = 60_000;
/** One hour, in milliseconds. */
export const HOUR = 60 * MINUTE;
/** One day, in milliseconds. */
export const DAY = 24 * HOUR;

/** When a team works, in its own time zone. */
export interface WorkingHours {
  /** The team's offset from UTC, in hours. */
  utcOffsetHours: number;
  /** The local hour the working day starts. */
  startHour: number;
  /** The local hour the working day ends (exclusive). */
  endHour: number;
  /** The local hour Friday ends, e.g. to keep production quiet before the weekend. */
  fridayEndHour: number;
}

/** The start of the UTC day of the given time. */
export function startOfUtcDay(time: number): number {
  return Math.floor(time / DAY) * DAY;
}

/** Whether the time falls in the working hours. */
export function isWorkingTime(time: number, hours: WorkingHours): boolean {
  const local = new Date(time + hours.utcOffsetHours * HOUR);
  const weekday = local.getUTCDay(); // 0 is Sunday
  const hour = local.getUTCHours() + local.getUTCMinutes() / 60;
  if (weekday === 0 || weekday === 6) {
    return false;
  }
  const endHour = weekday === 5 ? hours.fridayEndHour : hours.endHour;
  return hour >= hours.startHour && hour < endHour;
}

/**
 * The given time if it falls in working hours, otherwise a moment shortly
 * after the start of the next working day.
 */
export function nextWorkingTime(
  time: number,
  hours: WorkingHours,
  random: SeededRandom,
): number {
  if (isWorkingTime(time, hours)) {
    return time;
  }
  const offset = hours.utcOffsetHours * HOUR;
  let dayStart = startOfUtcDay(time + offset) - offset;
  for (let i = 0; i < 8; i++) {
    const start = dayStart + hours.startHour * HOUR;
    if (start > time && isWorkingTime(start, hours)) {
      return start + Math.round(random.between(0, 90)) * MINUTE;
    }
    dayStart += DAY;
  }
  return time;
}
