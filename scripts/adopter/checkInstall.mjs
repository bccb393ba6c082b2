// Checks the fresh app's install as an adopter would notice problems: our installed packages
// name real versions (no `workspace:` range), React and core-plugin-api are installed once (two
// copies break React contexts and API refs), and Yarn reports no peer dependency of ours unmet.
// Usage: node checkInstall.mjs REPO_ROOT APP_DIR INSTALL_LOG
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedPackages } from './readmeSteps.mjs';

const SINGLE_COPY = ['@backstage/core-plugin-api', 'react', 'react-dom'];
const REPORTED = [
  '@backstage/frontend-plugin-api',
  '@backstage/plugin-catalog-react',
  '@backstage/core-components',
  '@backstage/backend-plugin-api',
];
const OUR_SCOPE = '@domain-delivery/';

/** Every installed package.json of the given package names, by name. */
function installedCopies(app, names) {
  const paths = execFileSync(
    'find',
    [
      '.',
      '-path',
      '*/node_modules/*',
      '-name',
      'package.json',
      '-path',
      '*/node_modules/*/package.json',
    ],
    { cwd: app, encoding: 'utf8', maxBuffer: 1 << 28 },
  ).split('\n');
  const copies = new Map(names.map(name => [name, []]));
  for (const path of paths) {
    const match = path.match(
      /node_modules\/((?:@[^/]+\/)?[^/@][^/]*)\/package\.json$/,
    );
    if (match && copies.has(match[1])) copies.get(match[1]).push(path);
  }
  return copies;
}

function checkNoWorkspaceRanges(app, ourNames, failures) {
  for (const [name, paths] of installedCopies(app, ourNames)) {
    if (!paths.length) failures.push(`${name} is not installed`);
    for (const path of paths) checkRanges(app, path, failures);
  }
}

function checkRanges(app, path, failures) {
  const manifest = JSON.parse(readFileSync(join(app, path), 'utf8'));
  for (const field of [
    'dependencies',
    'peerDependencies',
    'optionalDependencies',
  ]) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (range.startsWith('workspace:')) {
        failures.push(`${path}: ${field} ${name} is "${range}"`);
      }
    }
  }
  console.log(`[install] ${manifest.name}@${manifest.version} (${path})`);
}

function checkSingleCopies(app, failures) {
  const copies = installedCopies(app, [...SINGLE_COPY, ...REPORTED]);
  for (const [name, paths] of copies) {
    const versions = paths.map(
      path => JSON.parse(readFileSync(join(app, path), 'utf8')).version,
    );
    const line = `${name}: ${paths.length} cop${
      paths.length === 1 ? 'y' : 'ies'
    } (${versions.join(', ')})`;
    console.log(`[install] ${line}`);
    if (SINGLE_COPY.includes(name) && paths.length !== 1) {
      failures.push(`${line}: ${paths.join(', ')}`);
    }
  }
}

function checkPeerDependencies(app, installLog, failures) {
  // Yarn 4 prints peer problems one by one (YN0002 missing, YN0060 incompatible) or sums them
  // up (YN0086) and lists them through `yarn explain peer-requirements` (✘ = not met).
  const log = readFileSync(installLog, 'utf8').split('\n');
  for (const line of log) {
    if (/YN0002|YN0060/.test(line) && line.includes(OUR_SCOPE)) {
      failures.push(`install log: ${line.trim()}`);
    }
  }
  const explained = execFileSync('yarn', ['explain', 'peer-requirements'], {
    cwd: app,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  }).split('\n');
  for (const line of explained) {
    if (line.includes('✘') && line.includes(OUR_SCOPE)) {
      failures.push(`peer requirement not met: ${line.trim()}`);
    }
  }
}

const [root, app, installLog] = process.argv.slice(2);
const failures = [];
checkNoWorkspaceRanges(
  app,
  publishedPackages(root).map(p => p.name),
  failures,
);
checkSingleCopies(app, failures);
checkPeerDependencies(app, installLog, failures);
if (failures.length) {
  console.error(
    `[install] ${failures.length} problem(s):\n  ${failures.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(
  '[install] no workspace: range, single React and core-plugin-api, no unmet peer of ours',
);
