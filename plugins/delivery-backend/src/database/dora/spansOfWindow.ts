const DAY = 86_400_000;

/**
 * A stretch of a window read as rows of one length: days of
 * `dora_entity_days`, or spans of 8 or 64 days of `dora_entity_spans` (each
 * starting a whole number of spans after 1970-01-01).
 */
export interface WindowPiece {
  days: 1 | 8 | 64;
  /** The first row's start and the end, in ms; whole UTC days. */
  from: number;
  to: number;
}

// The start of the span of `length` ms that holds `at`, as the migration's
// trigger places a day (also before 1970).
const spanStart = (at: number, length: number) =>
  at - (((at % length) + length) % length);

/**
 * The window `[from, to)` (UTC midnights) as the fewest rows: the longest
 * spans that fit, and shorter ones toward its edges. A quarter is one or two
 * 64-day spans, a few 8-day spans and at most 14 days.
 */
export function spansOfWindow(from: number, to: number): WindowPiece[] {
  const pieces: WindowPiece[] = [];
  const cover = (
    lengths: readonly WindowPiece['days'][],
    start: number,
    end: number,
  ) => {
    if (start >= end) {
      return;
    }
    const [longest, ...shorter] = lengths;
    const length = longest * DAY;
    const first = spanStart(start - 1, length) + length;
    const last = spanStart(end, length);
    if (shorter.length === 0 || first >= last) {
      if (shorter.length === 0) {
        pieces.push({ days: longest, from: start, to: end });
      } else {
        cover(shorter, start, end);
      }
      return;
    }
    cover(shorter, start, first);
    pieces.push({ days: longest, from: first, to: last });
    cover(shorter, last, end);
  };
  cover([64, 8, 1], from, to);
  return pieces;
}
