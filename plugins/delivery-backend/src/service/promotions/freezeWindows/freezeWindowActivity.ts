import {
  FreezeWindow,
  RecurringFreezeWindow,
  Weekday,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DateTime, WeekdayNumbers } from 'luxon';
import { spec } from '../../../schema/openapi/generated/router';

/**
 * The days of the week as the spec lists them, Monday first: a day's index + 1
 * is its ISO number.
 */
export const WEEKDAYS: readonly Weekday[] =
  spec.components.schemas.WeeklyTime.properties.day.enum;

const MINUTES_PER_DAY = 24 * 60;

// Chained windows (one starting where another ends) are followed this far.
const MAX_CHAINED_WINDOWS = 20;

/** Whether a window is active at a time, and until when. */
export interface FreezeWindowActivity {
  active: boolean;
  /** When it ends, if it is active. */
  until?: Date;
}

/** The active freeze of an environment: until when, and why. */
export interface ActiveFreeze {
  until: Date;
  reason?: string;
}

function parseTime(time: string): { hour: number; minute: number } {
  const [hour, minute] = time.split(':').map(Number);
  return { hour, minute };
}

function minuteOfWeek(day: Weekday, time: string): number {
  const { hour, minute } = parseTime(time);
  return WEEKDAYS.indexOf(day) * MINUTES_PER_DAY + hour * 60 + minute;
}

function recurringActivity(
  window: RecurringFreezeWindow,
  at: Date,
): FreezeWindowActivity {
  // Wall-clock time in the window's zone, so that "Friday 16:00" stays
  // 16:00 local across daylight saving changes.
  const local = DateTime.fromJSDate(at).setZone(window.timeZone);
  const now =
    (local.weekday - 1) * MINUTES_PER_DAY + local.hour * 60 + local.minute;
  const from = minuteOfWeek(window.from.day, window.from.time);
  const to = minuteOfWeek(window.to.day, window.to.time);
  const active = from < to ? now >= from && now < to : now >= from || now < to;
  if (!active) {
    return { active: false };
  }
  const { hour, minute } = parseTime(window.to.time);
  let end = local.set({
    weekday: (WEEKDAYS.indexOf(window.to.day) + 1) as WeekdayNumbers,
    hour,
    minute,
    second: 0,
    millisecond: 0,
  });
  if (end <= local) {
    end = end.plus({ weeks: 1 });
  }
  return { active: true, until: end.toJSDate() };
}

/** Whether the window is active at the time and, if so, until when. */
export function freezeWindowActivity(
  window: FreezeWindow,
  at: Date,
): FreezeWindowActivity {
  if (window.type === 'recurring') {
    return recurringActivity(window, at);
  }
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  const active = at.getTime() >= start && at.getTime() < end;
  return active ? { active, until: new Date(end) } : { active };
}

function latestEnd(activities: FreezeWindowActivity[]): Date | undefined {
  return activities.reduce<Date | undefined>(
    (latest, { until }) =>
      until && (!latest || until > latest) ? until : latest,
    undefined,
  );
}

/**
 * The freeze in force at the time, if any of the windows is active: until
 * the last of the active windows (and those that continue it) ends, with the
 * reason of the first active window that gives one.
 */
export function activeFreeze(
  windows: FreezeWindow[],
  at: Date,
): ActiveFreeze | undefined {
  const active = windows.filter(
    window => freezeWindowActivity(window, at).active,
  );
  let until = latestEnd(active.map(window => freezeWindowActivity(window, at)));
  if (!until) {
    return undefined;
  }
  for (let step = 0; step < MAX_CHAINED_WINDOWS; step++) {
    const end: Date = until;
    const later = latestEnd(
      windows.map(window => freezeWindowActivity(window, end)),
    );
    if (!later || later <= until) {
      break;
    }
    until = later;
  }
  const reason = active.find(window => window.reason)?.reason;
  return { until, ...(reason && { reason }) };
}
