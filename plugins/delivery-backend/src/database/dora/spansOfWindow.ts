const DAY = 86_400_000;
const SPAN = 8 * DAY;

/**
 * A stretch of a window read as rows of one length: days of
 * `dora_entity_days`, or spans of 8 days of `dora_entity_spans` (each
 * starting a whole number of spans after 1970-01-01).
 */
export interface WindowPiece {
  days: 1 | 8;
  /** The first row's start and the end, in ms; whole UTC days. */
  from: number;
  to: number;
}

// The start of the span that holds `at`, as the migration's trigger places a
// day (also before 1970).
const spanStart = (at: number) => at - (((at % SPAN) + SPAN) % SPAN);

/**
 * The window `[from, to)` (UTC midnights) as the fewest rows: the spans that
 * fit in it, and the days at its edges (at most 7 at each).
 */
export function spansOfWindow(from: number, to: number): WindowPiece[] {
  const first = spanStart(from - 1) + SPAN;
  const last = spanStart(to);
  if (first >= last) {
    return [{ days: 1, from, to }];
  }
  const pieces: WindowPiece[] = [
    { days: 1, from, to: first },
    { days: 8, from: first, to: last },
    { days: 1, from: last, to },
  ];
  return pieces.filter(piece => piece.from < piece.to);
}
