// Fails when a source file imports another domain's package; see domain-boundaries.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findViolations } from './domain-boundaries.ts';

const root = process.cwd();
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const ownDomain: string = readJson(path.join(root, 'package.json')).domain;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(full);
    }
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

const violations = findViolations(
  ownDomain,
  sourceFiles(path.join(root, 'src')).map(file => ({
    path: path.relative(root, file),
    source: readFileSync(file, 'utf8'),
  })),
  name => {
    const manifest = path.join(root, 'node_modules', name, 'package.json');
    return existsSync(manifest) ? readJson(manifest).domain : undefined;
  },
);

for (const violation of violations) {
  console.error(
    `${violation.file}: imports ${violation.specifier}, a package of the ${violation.domain} domain; ${ownDomain} services use other domains through their APIs`,
  );
}
if (violations.length) {
  process.exit(1);
}
console.log(`No imports from other domains' packages in ${ownDomain}.`);
