import { median, percentileCont } from './percentile';

describe('percentileCont', () => {
  it('is null for no values', () => {
    expect(percentileCont([], 0.5)).toBeNull();
    expect(median([])).toBeNull();
  });

  it('takes the single value', () => {
    expect(percentileCont([42], 0.9)).toBe(42);
  });

  it('interpolates between the nearest ranks like percentile_cont', () => {
    // Position p × (n − 1) in the sorted values 10, 20, 30, 40.
    const values = [40, 10, 30, 20];
    expect(percentileCont(values, 0)).toBe(10);
    expect(percentileCont(values, 0.5)).toBe(25); // 1.5 → 20 + 0.5 × 10
    expect(percentileCont(values, 0.9)).toBeCloseTo(37, 10); // 2.7 → 30 + 0.7 × 10
    expect(percentileCont(values, 1)).toBe(40);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 2])).toBe(1.5);
  });

  it('gives exactly the double PostgreSQL computes', () => {
    // SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY v)
    //   FROM unnest(ARRAY[1, 2, 4, 8, 16, 32, 64]) v;
    // answers 44.80000000000001 on PostgreSQL 15, rounding error included.
    expect(percentileCont([1, 2, 4, 8, 16, 32, 64], 0.9)).toBe(
      44.80000000000001,
    );
  });

  it('does not reorder the values it is given', () => {
    const values = [3, 1, 2];
    percentileCont(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses a percentile outside 0..1', () => {
    expect(() => percentileCont([1], 1.5)).toThrow(RangeError);
    expect(() => percentileCont([1], Number.NaN)).toThrow(RangeError);
  });
});
