import { fullFormats } from 'ajv-formats/dist/formats';
import { DateTime } from 'luxon';
import { PLAIN_UTC_TIMESTAMP } from './plainUtcTimestamp';

const { validate: fullDateTime } = fullFormats['date-time'] as {
  validate: (value: string) => boolean;
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('PLAIN_UTC_TIMESTAMP', () => {
  it('matches only valid date-times, which Date.parse reads as luxon does', () => {
    const matched: string[] = [];
    for (const year of [1970, 2000, 2024, 2026, 2100]) {
      for (let month = 0; month <= 13; month++) {
        for (const day of [0, 1, 9, 10, 28, 29, 30, 31, 32]) {
          for (const [hour, minute, second] of [
            [0, 0, 0],
            [23, 59, 59],
            [24, 0, 0],
            [12, 60, 0],
            [12, 0, 60],
          ]) {
            const text = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(
              minute,
            )}:${pad(second)}.${pad(day * 7, 3)}Z`;
            if (PLAIN_UTC_TIMESTAMP.test(text)) {
              matched.push(text);
            }
          }
        }
      }
    }
    // Days 01, 09, 10 and 28 of every month, at 00:00:00 and 23:59:59.
    expect(matched).toHaveLength(5 * 12 * 4 * 2);
    for (const text of matched) {
      expect(fullDateTime(text)).toBe(true);
      expect(Date.parse(text)).toBe(
        DateTime.fromISO(text, { zone: 'Europe/Berlin' }).toMillis(),
      );
    }
  });

  it('leaves other forms to the full check', () => {
    for (const text of [
      '2026-03-01T00:00:00Z',
      '2026-03-01T00:00:00.000+02:00',
      '2026-03-01T00:00:00.000z',
      '2026-03-01 00:00:00.000Z',
      '2026-03-01',
      '2026-03-29T00:00:00.000Z',
    ]) {
      expect(PLAIN_UTC_TIMESTAMP.test(text)).toBe(false);
    }
  });
});
