import { InputError } from '@backstage/errors';
import { DoraBucketSize } from '@domain-delivery/backstage-plugin-delivery-common';
import { LRUCache } from 'lru-cache';
import { DateTime } from 'luxon';

/** One day or ISO week of a DORA window. */
export interface DoraWindowBucket {
  /** Where the calendar day or week starts and ends, in milliseconds. */
  start: number;
  end: number;
  /** The same instants as the API answers them (written once per window). */
  startIso: string;
  endIso: string;
  /** The local day (`2026-03-29`) or ISO week (`2026-W13`). */
  label: string;
  /** How many days of it lie in the window: calendar days in the time zone. */
  days: number;
}

/** A DORA window `[from, to)` and its buckets. */
export interface DoraWindow {
  from: number;
  to: number;
  timeZone: string;
  bucket: DoraBucketSize;
  /** Calendar days in the time zone from `from` to `to` (fractional for partial days). */
  days: number;
  /** Every day or ISO week that overlaps the window, in order. */
  buckets: DoraWindowBucket[];
  /** The edges that split the window into its buckets: `from`, every bucket start inside the window, `to`. */
  edges: number[];
}

/** The most buckets a window may have (ten years of days). */
export const MAX_DORA_BUCKETS = 3660;

// Calendar days in the zone: a day on which clocks change still counts as one,
// and a day the range covers only in part counts as the share of that day's
// own length that the range covers. (Luxon's `diff(..., 'days')` measured the
// remainder against the 24 h from `from`'s time of day instead, so a window
// such as Berlin 2026-03-09T10:00 to 2026-03-29T01:00 had 19 + 15/23 days
// rather than 19 + 14/24 + 1/23 — not the sum of its own day buckets.)
function daysBetween(from: number, to: number, zone: string): number {
  let days = 0;
  let day = DateTime.fromMillis(from, { zone }).startOf('day');
  while (day.toMillis() < to) {
    const next = day.plus({ days: 1 });
    const covered =
      Math.min(to, next.toMillis()) - Math.max(from, day.toMillis());
    days += covered / (next.toMillis() - day.toMillis());
    day = next;
  }
  return days;
}

/** Which window, in which time zone, split how. */
export interface DoraWindowOptions {
  /** Milliseconds, before `to`. */
  from: number;
  to: number;
  /** An IANA time zone. */
  timeZone: string;
  bucket: DoraBucketSize;
}

// Windows already split: pages ask for the same few windows (the last 30 or
// 90 days) again and again, and splitting one in a time zone costs
// milliseconds of calendar arithmetic per request.
const splitWindows = new LRUCache<string, DoraWindow>({ max: 256 });

/**
 * The window `[from, to)` split into the calendar days or ISO weeks (Monday
 * to Sunday) of the time zone that overlap it; an `InputError` when that
 * would be more than {@link MAX_DORA_BUCKETS} buckets. Callers do not change
 * what they get: the same window is handed to every caller.
 */
export function doraWindow(options: DoraWindowOptions): DoraWindow {
  const { from, to, timeZone, bucket } = options;
  const key = `${from}:${to}:${timeZone}:${bucket}`;
  let window = splitWindows.get(key);
  if (!window) {
    window = splitWindow(options);
    splitWindows.set(key, window);
  }
  return window;
}

function splitWindow(options: DoraWindowOptions): DoraWindow {
  const { from, to, timeZone, bucket } = options;
  const buckets: DoraWindowBucket[] = [];
  let start = DateTime.fromMillis(from, { zone: timeZone }).startOf(bucket);
  while (start.toMillis() < to) {
    if (buckets.length === MAX_DORA_BUCKETS) {
      throw new InputError(
        `bucket=${bucket} would split this window into more than ${MAX_DORA_BUCKETS} buckets; choose a shorter window${
          bucket === 'day' ? ' or bucket=week' : ''
        }`,
      );
    }
    const end = start.plus(bucket === 'day' ? { days: 1 } : { weeks: 1 });
    const overlapStart = Math.max(from, start.toMillis());
    const overlapEnd = Math.min(to, end.toMillis());
    buckets.push({
      start: start.toMillis(),
      end: end.toMillis(),
      startIso: new Date(start.toMillis()).toISOString(),
      endIso: new Date(end.toMillis()).toISOString(),
      label:
        bucket === 'day' ? start.toISODate()! : start.toFormat("kkkk-'W'WW"),
      days: daysBetween(overlapStart, overlapEnd, timeZone),
    });
    start = end;
  }

  return {
    from,
    to,
    timeZone,
    bucket,
    days: daysBetween(from, to, timeZone),
    buckets,
    edges: [from, ...buckets.slice(1).map(b => b.start), to],
  };
}
