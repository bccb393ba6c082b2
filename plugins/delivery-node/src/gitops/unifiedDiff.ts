import { structuredPatch } from 'diff';

const range = (start: number, count: number) =>
  count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;

/**
 * A unified diff (`diff -u` style, three lines of context) from `before` to
 * `after`; `before` undefined means the file is created. Empty when equal.
 *
 * @public
 */
export function unifiedDiff(
  path: string,
  before: string | undefined,
  after: string,
): string {
  const { hunks } = structuredPatch(
    `a/${path}`,
    `b/${path}`,
    before ?? '',
    after,
    undefined,
    undefined,
    { context: 3 },
  );
  if (hunks.length === 0) {
    return '';
  }
  const lines = [
    `--- ${before === undefined ? '/dev/null' : `a/${path}`}`,
    `+++ b/${path}`,
  ];
  for (const hunk of hunks) {
    lines.push(
      `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(
        hunk.newStart,
        hunk.newLines,
      )} @@`,
      ...hunk.lines,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The diff of a file written by a change. */
export function fileDiff(
  path: string,
  before: Buffer | undefined,
  after: Buffer,
): { path: string; before?: string; after: string; diff: string } {
  const beforeText = before?.toString('utf8');
  const afterText = after.toString('utf8');
  return {
    path,
    ...(beforeText !== undefined && { before: beforeText }),
    after: afterText,
    diff: unifiedDiff(path, beforeText, afterText),
  };
}
