#!/usr/bin/env node
// Packs every published workspace package the way `npm publish` would receive it and checks the
// package.json inside each tarball: a `workspace:` range left in it would make the package
// impossible to install from npm. Prints one line per package; exits 1 if any range remains.
//
// Run it from the repository root after `yarn tsc` (the builds read dist-types):
//   node scripts/check-packed-manifests.js [--no-build]
// Each package is built first (`backstage-cli package build`) unless --no-build is given.
//
// `yarn pack` runs the packages' prepack/postpack scripts, which rewrite package.json and then
// put it back; the script restores each package.json byte for byte should that fail half-way,
// and removes its temporary folder in any case.

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..');
const dependencyFields = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
];

function run(command, args, cwd) {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The workspace folders (plugins/*, packages/*) whose package is not private. */
function publishedPackageDirs() {
  const { workspaces } = readJson(path.join(repoRoot, 'package.json'));
  return workspaces
    .flatMap(pattern => {
      const parent = path.join(repoRoot, pattern.replace(/\/\*$/, ''));
      return fs
        .readdirSync(parent, { withFileTypes: true })
        .filter(entry => entry.isDirectory())
        .map(entry => path.join(parent, entry.name));
    })
    .filter(dir => fs.existsSync(path.join(dir, 'package.json')))
    .filter(dir => !readJson(path.join(dir, 'package.json')).private)
    .sort();
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Every `name: range` of the manifest whose range still uses the workspace protocol. */
function workspaceRanges(manifest) {
  return dependencyFields.flatMap(field =>
    Object.entries(manifest[field] ?? {})
      .filter(([, range]) => String(range).startsWith('workspace:'))
      .map(([name, range]) => `${field}.${name}: ${range}`),
  );
}

function checkPackage(dir, outDir, build) {
  const manifestPath = path.join(dir, 'package.json');
  const original = fs.readFileSync(manifestPath);
  const tarball = path.join(outDir, `${path.basename(dir)}.tgz`);
  try {
    if (build) {
      run('yarn', ['backstage-cli', 'package', 'build'], dir);
    }
    run('yarn', ['pack', '--out', tarball], dir);
  } finally {
    if (!fs.readFileSync(manifestPath).equals(original)) {
      fs.writeFileSync(manifestPath, original);
      throw new Error(
        `${path.relative(
          repoRoot,
          manifestPath,
        )} was left changed by yarn pack (restored)`,
      );
    }
  }
  const packed = JSON.parse(
    run('tar', ['-xzOf', tarball, 'package/package.json'], outDir),
  );
  const fileCount = run('tar', ['-tzf', tarball], outDir)
    .split('\n')
    .filter(Boolean).length;
  return { packed, fileCount, leftovers: workspaceRanges(packed) };
}

function main() {
  const build = !process.argv.includes('--no-build');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packed-manifests-'));
  let failed = false;
  try {
    for (const dir of publishedPackageDirs()) {
      const { packed, fileCount, leftovers } = checkPackage(dir, outDir, build);
      const label = `${packed.name}@${packed.version} (${fileCount} files)`;
      if (leftovers.length > 0) {
        failed = true;
        console.log(`FAIL ${label}: ${leftovers.join(', ')}`);
      } else {
        console.log(`ok   ${label}: no workspace: ranges`);
      }
    }
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  if (failed) {
    process.exitCode = 1;
  }
}

main();
