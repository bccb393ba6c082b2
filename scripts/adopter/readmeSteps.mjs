// The install steps of the published packages' READMEs: every fenced code block whose info
// string carries `title="..."` (e.g. ```yaml title="app-config.yaml"). Blocks without a title
// are illustrations and are not returned.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FENCE = /^(`{3,})(.*)$/;
const TITLE = /\btitle="([^"]+)"/;

/** The titled blocks of one README, in order: { readme, title, language, body }. */
export function readSteps(readmePath) {
  const lines = readFileSync(readmePath, 'utf8').split('\n');
  const steps = [];
  let open; // the block being read: its fence, title, language and lines
  for (const line of lines) {
    if (!open) {
      const fence = line.match(FENCE);
      if (fence) {
        const info = fence[2].trim();
        open = {
          fence: fence[1],
          language: info.split(/\s+/)[0],
          title: info.match(TITLE)?.[1],
          lines: [],
        };
      }
    } else if (line.trim() === open.fence) {
      if (open.title) {
        steps.push({
          readme: readmePath,
          title: open.title,
          language: open.language,
          body: `${open.lines.join('\n')}\n`,
        });
      }
      open = undefined;
    } else {
      open.lines.push(line);
    }
  }
  if (open) throw new Error(`${readmePath}: a code block is never closed`);
  return steps;
}

/** The published packages (scripts/adopter/published-packages.txt): { dir, name }. */
export function publishedPackages(root) {
  return readFileSync(
    join(root, 'scripts/adopter/published-packages.txt'),
    'utf8',
  )
    .split('\n')
    .filter(line => line.trim() && !line.startsWith('#'))
    .map(line => {
      const [dir, name] = line.trim().split(/\s+/);
      return { dir, name };
    });
}

/** Every README step of the published packages, in the order the packages are listed. */
export function readAllSteps(root) {
  return publishedPackages(root).flatMap(({ dir }) =>
    readSteps(join(root, dir, 'README.md')),
  );
}
