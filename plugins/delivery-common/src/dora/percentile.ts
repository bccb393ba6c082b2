/**
 * The `p`-th percentile of `values`, interpolated between the two nearest
 * ranks exactly as SQL's `percentile_cont(p) WITHIN GROUP (ORDER BY value)`
 * does (PostgreSQL's arithmetic, step by step, so both give the same
 * double); `null` for no values.
 *
 * @remarks
 * The values need not be sorted; `p` is between 0 and 1.
 *
 * @public
 */
export function percentileCont(
  values: readonly number[],
  p: number,
): number | null {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`The percentile must be between 0 and 1, got ${p}`);
  }
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  if (upper === lower) {
    return sorted[lower];
  }
  const low = sorted[lower];
  return low + (position - lower) * (sorted[upper] - low);
}

/**
 * The median of `values` as `percentile_cont(0.5)` computes it; `null` for
 * no values.
 *
 * @public
 */
export function median(values: readonly number[]): number | null {
  return percentileCont(values, 0.5);
}
