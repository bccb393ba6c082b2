import { spansOfWindow } from './spansOfWindow';

const DAY = 86_400_000;
const day = (date: string) => Date.parse(date);

describe('spansOfWindow', () => {
  it('reads a quarter as a 64-day span, 8-day spans and the days at its edges', () => {
    // 2026-01-27 is 20,480 days (320 spans of 64) after 1970-01-01.
    const pieces = spansOfWindow(day('2026-01-20'), day('2026-04-20'));
    expect(
      pieces.map(({ days, from, to }) => ({
        days,
        from: new Date(from).toISOString().slice(0, 10),
        to: new Date(to).toISOString().slice(0, 10),
      })),
    ).toEqual([
      { days: 1, from: '2026-01-20', to: '2026-01-27' },
      { days: 64, from: '2026-01-27', to: '2026-04-01' },
      { days: 8, from: '2026-04-01', to: '2026-04-17' },
      { days: 1, from: '2026-04-17', to: '2026-04-20' },
    ]);
  });

  it('covers any window of whole days exactly, each span starting a whole number of spans after 1970', () => {
    const start = day('2025-12-01');
    for (let offset = 0; offset < 70; offset += 3) {
      for (const length of [1, 7, 8, 9, 63, 64, 65, 90, 200, 365]) {
        const from = start + offset * DAY;
        const to = from + length * DAY;
        const pieces = spansOfWindow(from, to);
        let at = from;
        for (const piece of pieces) {
          expect(piece.from).toBe(at);
          expect(piece.to).toBeGreaterThan(piece.from);
          expect(piece.from % (piece.days * DAY)).toBe(0);
          expect((piece.to - piece.from) % (piece.days * DAY)).toBe(0);
          at = piece.to;
        }
        expect(at).toBe(to);
        // At most 7 days and 7 spans of 8 days at either edge.
        const rows = pieces.reduce(
          (sum, piece) => sum + (piece.to - piece.from) / (piece.days * DAY),
          0,
        );
        expect(rows).toBeLessThanOrEqual(28 + Math.ceil(length / 64));
      }
    }
  });
});
