// Checks the fresh app's install as an adopter would notice problems: our installed packages
// name real versions (no `workspace:` range), React and core-plugin-api are installed once (two
// copies break React contexts and API refs), and Yarn reports no peer dependency of ours unmet.
// Usage: node checkInstall.mjs REPO_ROOT APP_DIR INSTALL_LOG
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import semver from 'semver';
import { publishedPackages } from './readmeSteps.mjs';

// Packages the app must have once (two copies break React contexts and API refs), and others
// whose copies are worth reporting.
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

/** The file `name` resolves to from `dir`, as Node and the bundler resolve it. */
function resolveFrom(dir, name) {
  try {
    return createRequire(join(dir, 'package.json')).resolve(
      `${name}/package.json`,
    );
  } catch {
    return undefined;
  }
}

// One copy for the app: the app and each of our installed packages resolve the same file.
// Copies elsewhere in node_modules (e.g. React 17 under Yarn's own CLI plugins) never reach the
// browser and are only reported.
function checkSingleCopies(app, ourNames, failures) {
  const copies = installedCopies(app, [...SINGLE_COPY, ...REPORTED]);
  const ours = [...installedCopies(app, ourNames).values()]
    .flat()
    .map(path => dirname(join(app, path)));
  for (const [name, paths] of copies) {
    const versions = paths.map(
      path => JSON.parse(readFileSync(join(app, path), 'utf8')).version,
    );
    console.log(
      `[install] ${name}: ${paths.length} installed (${versions.join(', ')})`,
    );
    if (!SINGLE_COPY.includes(name)) continue;
    const resolved = new Set(
      [join(app, 'packages/app'), ...ours]
        .map(dir => resolveFrom(dir, name))
        .filter(Boolean),
    );
    if (resolved.size !== 1) {
      failures.push(
        `${name} resolves to ${resolved.size} copies: ${[...resolved].join(
          ', ',
        )}`,
      );
    }
  }
}

/** The non-optional peer dependencies that our installed package `name` declares. */
function declaredPeers(app, name) {
  const manifest = JSON.parse(
    readFileSync(join(app, 'node_modules', name, 'package.json'), 'utf8'),
  );
  const optional = manifest.peerDependenciesMeta ?? {};
  return new Set(
    Object.keys(manifest.peerDependencies ?? {}).filter(
      peer => !optional[peer]?.optional,
    ),
  );
}

function yarnExplain(app, hash) {
  return execFileSync(
    'yarn',
    ['explain', 'peer-requirements', ...(hash ? [hash] : [])],
    {
      cwd: app,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  ).split('\n');
}

const UNMET =
  /^(p[0-9a-f]+) → ✘ (\S+) (?:provides (\S+?)@npm:(\S+)|doesn't provide (\S+)) to /;
const REQUEST = /(@domain-delivery\/[^@\s]+)@\S+.* \(via (.+)\)$/;

// Yarn 4 sums peer problems up (YN0086) and lists them with `yarn explain peer-requirements`:
// "<hash> → ✘ <provider> provides <peer>@npm:<version> to <requester> and N other dependencies".
// Our packages' peers are provided by the app's workspaces, so each unmet one of theirs is
// looked into: a request of ours that the provided version does not satisfy, or that nobody
// provides, is a failure.
function checkPeerDependencies(app, installLog, failures) {
  for (const line of readFileSync(installLog, 'utf8').split('\n')) {
    if (/YN0002|YN0060/.test(line) && line.includes(OUR_SCOPE)) {
      failures.push(`install log: ${line.trim()}`);
    }
  }
  for (const line of yarnExplain(app)) {
    const unmet = line.match(UNMET);
    if (!unmet) continue;
    const [, hash, provider, peer, version, missing] = unmet;
    if (provider.startsWith(OUR_SCOPE)) {
      failures.push(`peer requirement: ${line.trim()}`);
      continue;
    }
    if (!/@workspace:/.test(provider) && !line.includes(OUR_SCOPE)) continue;
    for (const request of yarnExplain(app, hash)) {
      const ours = request.match(REQUEST);
      const name = missing ?? peer;
      // Only the peers our package declares: the tree also lists a request that a package of
      // ours merely passes on from a dependency, which that dependency reports itself.
      if (!ours || !declaredPeers(app, ours[1]).has(name)) continue;
      if (missing || !semver.satisfies(version, ours[2])) {
        failures.push(
          `${ours[1]} asks for ${name} ${ours[2]}; ${provider} ${
            missing ? 'provides none' : `provides ${version}`
          }`,
        );
      }
    }
  }
}

const [root, app, installLog] = process.argv.slice(2);
const failures = [];
const ourNames = publishedPackages(root).map(p => p.name);
checkNoWorkspaceRanges(app, ourNames, failures);
checkSingleCopies(app, ourNames, failures);
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
