import fs from 'node:fs';

/**
 * The rows of the first Markdown table after a heading of a file, each as its cells' text
 * (backticks kept), header and separator left out.
 */
export function readMarkdownTable(path: string, heading: string): string[][] {
  const lines = fs.readFileSync(path, 'utf8').split('\n');
  const start = lines.findIndex(line => line.replace(/^#+ /, '') === heading);
  if (start < 0) {
    throw new Error(`${path} has no heading '${heading}'`);
  }
  const first = lines.findIndex((line, i) => i > start && line.startsWith('|'));
  const rows: string[][] = [];
  for (let i = first; i < lines.length && lines[i].startsWith('|'); i++) {
    rows.push(
      lines[i]
        .split('|')
        .slice(1, -1)
        .map(cell => cell.trim()),
    );
  }
  return rows.slice(2);
}
