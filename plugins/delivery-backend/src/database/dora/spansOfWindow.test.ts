import { spansOfWindow } from './spansOfWindow';

const DAY = 86_400_000;
const day = (date: string) => Date.parse(date);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('spansOfWindow', () => {
  it('reads a quarter as 8-day spans and the days at its edges', () => {
    // 2026-01-27 is 20,480 days (2,560 spans) after 1970-01-01.
    const pieces = spansOfWindow(day('2026-01-20'), day('2026-04-20'));
    expect(
      pieces.map(({ days, from, to }) => ({
        days,
        from: isoDay(from),
        to: isoDay(to),
      })),
    ).toEqual([
      { days: 1, from: '2026-01-20', to: '2026-01-27' },
      { days: 8, from: '2026-01-27', to: '2026-04-17' },
      { days: 1, from: '2026-04-17', to: '2026-04-20' },
    ]);
  });

  it('covers any window of whole days exactly, each span starting a whole number of spans after 1970', () => {
    const start = day('2025-12-01');
    for (let offset = 0; offset < 20; offset++) {
      for (const length of [1, 7, 8, 9, 15, 16, 17, 90, 365]) {
        const from = start + offset * DAY;
        const to = from + length * DAY;
        const pieces = spansOfWindow(from, to);
        let at = from;
        let rows = 0;
        for (const piece of pieces) {
          expect(piece.from).toBe(at);
          expect(piece.to).toBeGreaterThan(piece.from);
          expect(piece.from % (piece.days * DAY)).toBe(0);
          expect((piece.to - piece.from) % (piece.days * DAY)).toBe(0);
          rows += (piece.to - piece.from) / (piece.days * DAY);
          at = piece.to;
        }
        expect(at).toBe(to);
        // At most 7 days at either edge.
        expect(rows).toBeLessThanOrEqual(14 + Math.floor(length / 8));
      }
    }
  });
});
