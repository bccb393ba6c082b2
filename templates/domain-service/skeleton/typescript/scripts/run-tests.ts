// Runs one test suite (a folder of tests/) with Node's test runner and, when
// TEST_SUMMARY_DIR is set (the delivery workflow sets it), writes how many
// tests passed, failed and were skipped, with the failing tests' names, to
// <TEST_SUMMARY_DIR>/<suite>.json for the workflow to report to the portal.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const suite = process.argv[2];
if (!suite) {
  console.error('Usage: node scripts/run-tests.ts <suite>, e.g. unit');
  process.exit(2);
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return testFiles(full);
    }
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const summary = {
  passed: 0,
  failed: 0,
  skipped: 0,
  failedTests: [] as string[],
};
const stream = run({ files: testFiles(path.join('tests', suite)) });
// The names of the tests being run, by file and nesting: a failing test is
// named with the describe blocks it is in, e.g. `tariff › rounds up`.
const started = new Map<string, string[]>();
stream.on('test:start', event => {
  const names = started.get(event.file ?? '') ?? [];
  names.length = event.nesting;
  names.push(event.name);
  started.set(event.file ?? '', names);
});
const fullName = (event: { file?: string; nesting: number; name: string }) =>
  [
    ...(started.get(event.file ?? '') ?? []).slice(0, event.nesting),
    event.name,
  ].join(' › ');
stream.on('test:pass', event => {
  if (event.details.type === 'suite') {
    return;
  }
  if (event.skip || event.todo) {
    summary.skipped += 1;
  } else {
    summary.passed += 1;
  }
});
stream.on('test:fail', event => {
  if (event.details.type === 'suite') {
    return;
  }
  summary.failed += 1;
  summary.failedTests.push(fullName(event));
  process.exitCode = 1;
});
stream.on('end', () => {
  const dir = process.env.TEST_SUMMARY_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${suite}.json`), JSON.stringify(summary));
  }
});
stream.compose(spec).pipe(process.stdout);
