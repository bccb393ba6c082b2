const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en', {
  style: 'percent',
  maximumFractionDigits: 1,
});

/**
 * Deployments per day in the unit DORA's tiers speak of: `2.3 a day`, `3 a
 * week`, `1.5 a month` (30 days); `none` for zero.
 */
export function formatDeploymentFrequency(perDay: number): string {
  if (perDay === 0) {
    return 'none';
  }
  if (perDay >= 1) {
    return `${oneDecimal.format(perDay)} a day`;
  }
  if (perDay >= 1 / 7) {
    return `${oneDecimal.format(perDay * 7)} a week`;
  }
  return `${oneDecimal.format(perDay * 30)} a month`;
}

/** A ratio as a percentage with at most one decimal: `8.3%`. */
export function formatShare(ratio: number): string {
  return percent.format(ratio);
}

/** `1 deployment`, `3 deployments`. */
export function countOf(count: number, noun: string, plural = `${noun}s`) {
  return `${count} ${count === 1 ? noun : plural}`;
}

/**
 * The days a window `[from, to)` covers, `Mar 3, 2026 – Apr 2, 2026`, in the
 * time zone the numbers were counted in. `to` is exclusive, so a window
 * ending at midnight ends on the day before.
 */
export function formatPeriod(from: string, to: string, timeZone?: string) {
  // English like the words around it, so the sentence reads as one.
  const date = new Intl.DateTimeFormat('en', {
    dateStyle: 'medium',
    timeZone,
  });
  const lastMoment = new Date(Date.parse(to) - 1);
  return `${date.format(new Date(from))} – ${date.format(lastMoment)}`;
}
