const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration in words a person reads at a glance: `45 min`, `3 h 20 min`, `2 d 4 h`. */
export function formatDuration(seconds: number): string {
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

/** Seconds from `from` (ISO 8601) to `to`. */
export function secondsBetween(from: string, to: Date): number {
  return (to.getTime() - new Date(from).getTime()) / 1000;
}
