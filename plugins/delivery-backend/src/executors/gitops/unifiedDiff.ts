// Files larger than this (in lines) are shown as replaced as a whole, which
// keeps the quadratic line matching cheap; values files are far smaller.
const MAX_LINES = 2000;
const CONTEXT = 3;

type Line = { kind: ' ' | '-' | '+'; text: string };

function splitLines(text: string): string[] {
  if (text === '') {
    return [];
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines;
}

/** The edit script from a to b through their longest common subsequence. */
function editScript(a: string[], b: string[]): Line[] {
  if (a.length > MAX_LINES || b.length > MAX_LINES) {
    return [
      ...a.map(text => ({ kind: '-' as const, text })),
      ...b.map(text => ({ kind: '+' as const, text })),
    ];
  }
  const common: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i][j] =
        a[i] === b[j]
          ? common[i + 1][j + 1] + 1
          : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const script: Line[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      script.push({ kind: ' ', text: a[i] });
      i++;
      j++;
    } else if (
      i < a.length &&
      (j >= b.length || common[i + 1][j] >= common[i][j + 1])
    ) {
      script.push({ kind: '-', text: a[i] });
      i++;
    } else {
      script.push({ kind: '+', text: b[j] });
      j++;
    }
  }
  return script;
}

const range = (start: number, count: number) =>
  count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;

/**
 * A unified diff (`diff -u` style, three lines of context) from `before` to
 * `after`; `before` undefined means the file is created. Empty when equal.
 */
export function unifiedDiff(
  path: string,
  before: string | undefined,
  after: string,
): string {
  const script = editScript(splitLines(before ?? ''), splitLines(after));
  if (script.every(line => line.kind === ' ')) {
    return '';
  }
  const header = [
    `--- ${before === undefined ? '/dev/null' : `a/${path}`}`,
    `+++ b/${path}`,
  ];

  // Group changes with their context into hunks.
  const hunks: string[] = [];
  let index = 0;
  while (index < script.length) {
    let firstChange = index;
    while (firstChange < script.length && script[firstChange].kind === ' ') {
      firstChange++;
    }
    if (firstChange === script.length) {
      break;
    }
    const start = Math.max(index, firstChange - CONTEXT);
    let end = firstChange;
    let unchanged = 0;
    for (let at = firstChange; at < script.length; at++) {
      if (script[at].kind === ' ') {
        unchanged++;
        if (unchanged > CONTEXT * 2) {
          break;
        }
      } else {
        unchanged = 0;
        end = at;
      }
    }
    const stop = Math.min(script.length, end + 1 + CONTEXT);
    const lines = script.slice(start, stop);
    const oldStart =
      script.slice(0, start).filter(line => line.kind !== '+').length + 1;
    const newStart =
      script.slice(0, start).filter(line => line.kind !== '-').length + 1;
    const oldCount = lines.filter(line => line.kind !== '+').length;
    const newCount = lines.filter(line => line.kind !== '-').length;
    hunks.push(
      `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`,
      ...lines.map(line => `${line.kind}${line.text}`),
    );
    index = stop;
  }
  return `${[...header, ...hunks].join('\n')}\n`;
}
