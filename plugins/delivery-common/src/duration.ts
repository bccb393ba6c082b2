const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How {@link formatDuration} writes a duration.
 *
 * @public
 */
export interface FormatDurationOptions {
  /**
   * Every non-zero part (`1 d 2 h 30 min`), or seconds under a minute (`40 s`),
   * rounded to the nearest second: for messages that compare two durations,
   * which the short form could round to the same words.
   */
  exact?: boolean;
}

/**
 * A duration in words: by default what a person reads at a glance
 * (`45 min`, `3 h 20 min`, `2 d 4 h`), with `exact` every part (`1 d 2 h 30 min`, `40 s`).
 *
 * @public
 */
export function formatDuration(
  seconds: number,
  options: FormatDurationOptions = {},
): string {
  return options.exact ? exactDuration(seconds) : shortDuration(seconds);
}

function shortDuration(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  if (total < MINUTE) {
    return 'less than a minute';
  }
  if (total < HOUR) {
    return `${Math.floor(total / MINUTE)} min`;
  }
  if (total < DAY) {
    const hours = Math.floor(total / HOUR);
    const minutes = Math.floor((total % HOUR) / MINUTE);
    return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  return hours ? `${days} d ${hours} h` : `${days} d`;
}

function exactDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const parts = [
    [Math.floor(total / DAY), 'd'],
    [Math.floor((total % DAY) / HOUR), 'h'],
    [Math.floor((total % HOUR) / MINUTE), 'min'],
  ]
    .filter(([count]) => count)
    .map(([count, unit]) => `${count} ${unit}`);
  return parts.length > 0 ? parts.join(' ') : `${total} s`;
}

/**
 * Seconds from `from` (ISO 8601) to `to`.
 *
 * @public
 */
export function secondsBetween(from: string, to: Date): number {
  return (to.getTime() - new Date(from).getTime()) / 1000;
}
