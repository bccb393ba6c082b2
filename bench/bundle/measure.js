#!/usr/bin/env node
/*
 * How many bytes the delivery plugin adds to the app's initial JavaScript.
 *
 * Builds two copies of packages/app, one as it is and one without the delivery
 * plugin, and compares the scripts that dist/index.html loads before the app
 * starts. The copies live in a temporary folder next to this script (inside
 * the repository, so that they resolve the workspace's node_modules) and are
 * removed afterwards; packages/app and its dist folder are left untouched.
 *
 * Usage: node bench/bundle/measure.js [--keep]
 *   --keep  keep the two builds for inspection and print where they are
 *
 * Each build takes one to two minutes.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const ts = require('typescript');

const PLUGIN = '@domain-delivery/backstage-plugin-delivery';
// Strings only the plugin's code contains: its API id, and text of its views.
const DEFINITION_MARKER = 'plugin.delivery.api';
const VIEW_MARKER = 'Versions along the promotion chain';

const root = path.resolve(__dirname, '../..');
const appDir = path.join(root, 'packages/app');
const cli = path.join(root, 'node_modules/.bin/backstage-cli');

function copyApp(target) {
  fs.mkdirSync(target, { recursive: true });
  for (const entry of ['package.json', 'public', 'src']) {
    fs.cpSync(path.join(appDir, entry), path.join(target, entry), {
      recursive: true,
    });
  }
}

/**
 * Takes the plugin out of the copy: its dependency (which `app.packages`
 * discovery would find) and its feature in App.tsx.
 */
function removePlugin(target) {
  const packageJsonPath = path.join(target, 'package.json');
  const packageJson = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'));
  delete packageJson.dependencies[PLUGIN];
  fs.writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2));

  const appPath = path.join(target, 'src/App.tsx');
  fs.writeFileSync(
    appPath,
    removeFeature(fs.readFileSync(appPath, 'utf8'), PLUGIN),
  );

  const leftovers = fs
    .readdirSync(path.join(target, 'src'), { recursive: true })
    .map(name => path.join(target, 'src', String(name)))
    .filter(file => fs.statSync(file).isFile())
    .filter(file => fs.readFileSync(file, 'utf8').includes(PLUGIN));
  if (leftovers.length > 0) {
    throw new Error(`${PLUGIN} is still imported by ${leftovers.join(', ')}`);
  }
}

/**
 * Removes a package's feature from the source of App.tsx: the top-level
 * statements that name the package (a static import of the plugin, or a
 * feature loader that imports it lazily) and, from the features passed to
 * `createApp`, the names they declare.
 */
function removeFeature(source, packageName) {
  const parse = text =>
    ts.createSourceFile('App.tsx', text, ts.ScriptTarget.Latest, true);
  const file = parse(source);
  const names = new Set();
  const cuts = [];
  for (const statement of file.statements) {
    if (!statement.getText(file).includes(packageName)) {
      continue;
    }
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) {
        names.add(clause.name.text);
      }
      if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings)) {
        clause.namedBindings.elements.forEach(e => names.add(e.name.text));
      }
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) {
          names.add(declaration.name.text);
        }
      }
    } else {
      throw new Error(
        `Cannot take ${packageName} out of App.tsx: ${statement.getText(file)}`,
      );
    }
    cuts.push([statement.getFullStart(), statement.getEnd()]);
  }
  if (names.size === 0) {
    throw new Error(`Could not find ${packageName} in App.tsx`);
  }

  // The features array: each element with its leading whitespace and comma.
  const visit = node => {
    if (ts.isArrayLiteralExpression(node)) {
      for (const element of node.elements) {
        if (ts.isIdentifier(element) && names.has(element.text)) {
          const end = source[element.getEnd()] === ',' ? 1 : 0;
          cuts.push([element.getFullStart(), element.getEnd() + end]);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);

  let result = source;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) {
    result = result.slice(0, start) + result.slice(end);
  }

  const stillUsed = [];
  const findUses = node => {
    if (ts.isIdentifier(node) && names.has(node.text)) {
      stillUsed.push(node.text);
    }
    ts.forEachChild(node, findUses);
  };
  findUses(parse(result));
  if (stillUsed.length > 0) {
    throw new Error(
      `App.tsx still uses ${[...new Set(stillUsed)].join(
        ', ',
      )} after ${packageName} was taken out`,
    );
  }
  return result;
}

function build(target, label) {
  process.stderr.write(`Building the app ${label} the plugin…\n`);
  const started = Date.now();
  execFileSync(cli, ['package', 'build'], {
    cwd: target,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CI: 'true' },
  });
  process.stderr.write(
    `  done in ${Math.round((Date.now() - started) / 1000)} s\n`,
  );
}

/** The scripts dist/index.html loads up front, with their sizes. */
function measure(target) {
  const dist = path.join(target, 'dist');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map(
    m => m[1],
  );
  let raw = 0;
  let gzip = 0;
  let hasDefinition = false;
  for (const source of sources) {
    const file = path.join(dist, source.replace(/^\//, ''));
    const content = fs.readFileSync(file);
    raw += content.length;
    gzip += zlib.gzipSync(content, { level: 9 }).length;
    hasDefinition ||= content.includes(DEFINITION_MARKER);
  }
  // Where the views ended up: every script that holds their text.
  const jsDir = path.join(dist, 'static');
  const viewChunks = fs
    .readdirSync(jsDir)
    .filter(name => name.endsWith('.js'))
    .filter(name =>
      fs.readFileSync(path.join(jsDir, name)).includes(VIEW_MARKER),
    )
    .filter(name => !sources.some(source => source.endsWith(`/${name}`)));
  return { scripts: sources.length, raw, gzip, hasDefinition, viewChunks };
}

function main() {
  const keep = process.argv.includes('--keep');
  const work = fs.mkdtempSync(path.join(__dirname, '.work-'));
  try {
    const withPlugin = path.join(work, 'app-with');
    const withoutPlugin = path.join(work, 'app-without');
    copyApp(withPlugin);
    copyApp(withoutPlugin);
    removePlugin(withoutPlugin);

    build(withPlugin, 'with');
    build(withoutPlugin, 'without');
    const a = measure(withPlugin);
    const b = measure(withoutPlugin);

    const kb = bytes => `${(bytes / 1024).toFixed(1)} KiB`;
    console.log('Initial JavaScript of the app (scripts in dist/index.html):');
    console.log(
      `  with the plugin:    ${a.raw} bytes (${kb(a.raw)}), ${
        a.gzip
      } gzipped, ${a.scripts} scripts`,
    );
    console.log(
      `  without the plugin: ${b.raw} bytes (${kb(b.raw)}), ${
        b.gzip
      } gzipped, ${b.scripts} scripts`,
    );
    console.log(
      `  the plugin adds:    ${a.raw - b.raw} bytes, ${
        a.gzip - b.gzip
      } gzipped`,
    );
    console.log(
      `Plugin definition in the initial scripts: ${
        a.hasDefinition ? 'yes' : 'no'
      }`,
    );
    console.log(
      `Views in lazily loaded chunks: ${
        a.viewChunks.length ? a.viewChunks.join(', ') : 'none found'
      }`,
    );
    if (keep) {
      console.log(`Builds kept in ${work}`);
    }
  } finally {
    if (!keep) {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
}

if (require.main === module) {
  main();
}

module.exports = { copyApp, removePlugin, removeFeature, measure };
