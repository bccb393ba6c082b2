// Applies the READMEs' titled steps to the fresh app, literally, as a platform team following
// them would. A step of a kind it does not know fails the test rather than being skipped, and
// so does an install without any step of each kind the READMEs must give.
// Usage: node applySteps.mjs REPO_ROOT APP_DIR INSTALL_LOG
import { spawnSync } from 'node:child_process';
import { openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { readAllSteps } from './readmeSteps.mjs';
import { EXAMPLE_ENTITY_FILE } from './testSetup.mjs';

const YARN_ADD = /^yarn --cwd (packages\/(?:app|backend)) add ((?:\S+ ?)+)$/;

function runShell(step, app, logFd) {
  const commands = step.body
    .split('\n')
    .map(line => line.trim())
    .filter(line => line && !line.startsWith('#'));
  for (const command of commands) {
    const add = command.match(YARN_ADD);
    if (!add) {
      throw new Error(
        `${step.readme}: the shell step "${command}" is not a 'yarn --cwd packages/<app|backend> add <package...>' line`,
      );
    }
    console.log(`[steps] ${command}`);
    writeFileSync(logFd, `\n$ ${command}\n`);
    const result = spawnSync(
      'yarn',
      ['--cwd', add[1], 'add', ...add[2].trim().split(' ')],
      { cwd: app, stdio: ['ignore', logFd, logFd] },
    );
    if (result.status !== 0) {
      throw new Error(
        `${command} failed (exit ${result.status}); see the install log`,
      );
    }
  }
}

function insertBackendLines(step, app) {
  const file = join(app, 'packages/backend/src/index.ts');
  const source = readFileSync(file, 'utf8');
  const anchor = 'backend.start();';
  if (!source.includes(anchor)) {
    throw new Error(`${file} has no '${anchor}' to insert before`);
  }
  writeFileSync(file, source.replace(anchor, `${step.body}${anchor}`));
}

/** Sets every leaf of `value` (arrays count as leaves) at its path, keeping the file's comments. */
function mergeInto(doc, value, path = []) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      mergeInto(doc, child, [...path, key]);
    }
  } else {
    doc.setIn(path, value);
  }
}

function mergeAppConfig(step, app) {
  const file = join(app, 'app-config.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const config = parse(step.body);
  if (!config || typeof config !== 'object') {
    throw new Error(
      `${step.readme}: an app-config.yaml step that is not a YAML mapping`,
    );
  }
  mergeInto(doc, config);
  writeFileSync(
    file,
    doc.toString({ lineWidth: 0, flowCollectionPadding: false }),
  );
}

function writeExampleEntity(step, app) {
  writeFileSync(join(app, EXAMPLE_ENTITY_FILE), step.body);
}

const APPLY = {
  shell: runShell,
  'packages/backend/src/index.ts': insertBackendLines,
  'app-config.yaml': mergeAppConfig,
  'catalog-info.yaml': writeExampleEntity,
};

/** Fails before anything is applied when a step is of an unknown kind or a kind is missing. */
function checkSteps(steps) {
  for (const step of steps) {
    if (!APPLY[step.title]) {
      throw new Error(`${step.readme}: unknown step title "${step.title}"`);
    }
  }
  const missing = Object.keys(APPLY).filter(
    title => !steps.some(step => step.title === title),
  );
  if (missing.length) {
    throw new Error(`the READMEs give no step titled ${missing.join(', ')}`);
  }
}

function main() {
  const [root, app, installLog] = process.argv.slice(2);
  const logFd = openSync(installLog, 'a');
  const steps = readAllSteps(root);
  checkSteps(steps);
  for (const step of steps) {
    console.log(`[steps] ${step.readme.slice(root.length + 1)}: ${step.title}`);
    APPLY[step.title](step, app, logFd);
  }
}

main();
