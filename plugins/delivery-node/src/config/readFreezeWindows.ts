import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  FreezeWindow,
  WeeklyTime,
  Weekday,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DateTime, IANAZone } from 'luxon';

const WEEKLY_TIME =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+([01]\d|2[0-3]):([0-5]\d)$/i;

function readTimeZone(config: Config, key: string): string {
  const timeZone = config.getOptionalString('timeZone') ?? 'UTC';
  if (!IANAZone.isValidZone(timeZone)) {
    throw new InputError(
      `${key}.timeZone '${timeZone}' is not an IANA time zone such as 'Europe/Berlin'`,
    );
  }
  return timeZone;
}

function readWeeklyTime(
  config: Config,
  field: 'from' | 'to',
  key: string,
): WeeklyTime {
  const value = config.getString(field).trim();
  const match = WEEKLY_TIME.exec(value);
  if (!match) {
    throw new InputError(
      `${key}.${field} '${value}' must be a weekday and a 24-hour time, such as 'Friday 16:00'`,
    );
  }
  return {
    day: match[1].toLocaleLowerCase('en-US') as Weekday,
    time: `${match[2]}:${match[3]}`,
  };
}

function readInstant(
  config: Config,
  field: 'start' | 'end',
  key: string,
  timeZone: string,
): DateTime {
  const value = config.getString(field).trim();
  const instant = DateTime.fromISO(value, { zone: timeZone });
  if (!instant.isValid) {
    throw new InputError(
      `${key}.${field} '${value}' is not an ISO 8601 date and time, such as '2026-12-23T00:00:00+01:00'`,
    );
  }
  return instant.toUTC();
}

function readFreezeWindow(config: Config, key: string): FreezeWindow {
  const keys = config.keys();
  const recurring = keys.includes('from') || keys.includes('to');
  const once = keys.includes('start') || keys.includes('end');
  if (recurring === once) {
    throw new InputError(
      `${key} must have either 'from' and 'to' (weekly) or 'start' and 'end' (one-off)`,
    );
  }
  const timeZone = readTimeZone(config, key);
  const reason = config.getOptionalString('reason');

  if (recurring) {
    const from = readWeeklyTime(config, 'from', key);
    const to = readWeeklyTime(config, 'to', key);
    if (from.day === to.day && from.time === to.time) {
      throw new InputError(`${key}.from and ${key}.to must differ`);
    }
    return { type: 'recurring', from, to, timeZone, ...(reason && { reason }) };
  }

  const start = readInstant(config, 'start', key, timeZone);
  const end = readInstant(config, 'end', key, timeZone);
  if (end <= start) {
    throw new InputError(`${key}.end must be after ${key}.start`);
  }
  return {
    type: 'once',
    start: start.toISO()!,
    end: end.toISO()!,
    ...(reason && { reason }),
  };
}

/**
 * Reads the `freezeWindows` of one configured environment.
 *
 * @param config - the environment's config
 * @param key - the environment's full config key, for error messages
 */
export function readFreezeWindows(config: Config, key: string): FreezeWindow[] {
  return (config.getOptionalConfigArray('freezeWindows') ?? []).map(
    (windowConfig, index) =>
      readFreezeWindow(windowConfig, `${key}.freezeWindows[${index}]`),
  );
}
