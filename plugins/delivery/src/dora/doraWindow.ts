import { DoraBucketSize } from '@domain-delivery/backstage-plugin-delivery-common';

/**
 * The length of a DORA window a person can choose: 30 or 90 days.
 *
 * @public
 */
export type DoraWindowDays = 30 | 90;

/**
 * The lengths, in days, of the DORA windows a person can choose, e.g. for the
 * window a DORA card opens with.
 */
export const DORA_WINDOW_DAYS: readonly [DoraWindowDays, DoraWindowDays] = [
  30, 90,
];

/** A DORA window the views offer, counted back from now. */
export interface DoraWindowOption {
  /** How many calendar days back from now it reaches. */
  days: DoraWindowDays;
  /** How the trend chart divides it. */
  bucket: DoraBucketSize;
  /** What the window selector says, e.g. `Last 30 days`. */
  label: string;
}

/**
 * The windows a person can choose. Days for a month, ISO weeks for a
 * quarter: either way the trend chart has a readable number of bars.
 */
export const DORA_WINDOWS: readonly DoraWindowOption[] = [
  { days: 30, bucket: 'day', label: 'Last 30 days' },
  { days: 90, bucket: 'week', label: 'Last 90 days' },
];

/** The window `[now − days, now)` as ISO 8601 timestamps, days counted on the local calendar. */
export function lastDays(
  days: number,
  now: Date,
): { from: string; to: string } {
  const from = new Date(now.getTime());
  from.setDate(from.getDate() - days);
  return { from: from.toISOString(), to: now.toISOString() };
}

/**
 * The reader's IANA time zone, so the chart's days and weeks start at their
 * midnight; UTC when the browser does not say.
 */
export function readerTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
