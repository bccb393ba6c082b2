import {
  FailingTest,
  FailingWorkflow,
  FlakyTest,
  PipelineHealth,
  PipelineRunLink,
  PipelineTestSuiteTotals,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { UNCOUNTED_CONCLUSIONS } from '../../database/pipelines/DatabasePipelineRunStore';
import { PipelineRunRecord } from '../../database/pipelines/PipelineRunStore';

/** The most failing and flaky tests an answer lists. */
export const MAX_LISTED_TESTS = 50;

/** The run as an answer links it. */
export function linkOf(run: PipelineRunRecord): PipelineRunLink {
  const { id, entityRef, workflow, runAttempt, startedAt } = run;
  return {
    id,
    entityRef,
    workflow,
    runAttempt,
    startedAt,
    ...(run.branch && { branch: run.branch }),
    ...(run.commitSha && { commitSha: run.commitSha }),
    ...(run.conclusion && { conclusion: run.conclusion }),
    ...(run.finishedAt && { finishedAt: run.finishedAt }),
    ...(run.url && { url: run.url }),
  };
}

const counts = (run: PipelineRunRecord) =>
  !UNCOUNTED_CONCLUSIONS.includes(run.conclusion ?? '');

/** The median as percentile_cont(0.5): the mean of the two middle values of an even count. */
export function median(values: number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

const workflowKey = (run: PipelineRunRecord) =>
  JSON.stringify([run.entityRef, run.workflow]);
const testKey = (run: PipelineRunRecord, suite: string, name: string) =>
  JSON.stringify([run.entityRef, run.workflow, suite, name]);

function* failuresOf(run: PipelineRunRecord) {
  for (const suite of run.tests ?? []) {
    for (const name of new Set(suite.failedTests ?? [])) {
      yield { suite: suite.suite, name };
    }
  }
}

function suiteTotals(runs: PipelineRunRecord[]): PipelineTestSuiteTotals[] {
  const totals = new Map<string, PipelineTestSuiteTotals>();
  for (const run of runs) {
    for (const { suite, passed, failed, skipped } of run.tests ?? []) {
      const total = totals.get(suite) ?? {
        suite,
        passed: 0,
        failed: 0,
        skipped: 0,
      };
      total.passed += passed;
      total.failed += failed;
      total.skipped += skipped;
      totals.set(suite, total);
    }
  }
  return [...totals.values()].sort((a, b) => a.suite.localeCompare(b.suite));
}

function failingTests(
  runs: PipelineRunRecord[],
  failingNow: PipelineRunRecord[],
): FailingTest[] {
  const failures = new Map<string, number>();
  for (const run of runs) {
    for (const { suite, name } of failuresOf(run)) {
      const key = testKey(run, suite, name);
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
  }
  return failingNow
    .flatMap(run =>
      [...failuresOf(run)].map(({ suite, name }) => ({
        entityRef: run.entityRef,
        workflow: run.workflow,
        suite,
        name,
        // The latest run may have finished before the window.
        failures: Math.max(1, failures.get(testKey(run, suite, name)) ?? 0),
        run: linkOf(run),
      })),
    )
    .sort(
      (a, b) =>
        b.failures - a.failures ||
        a.entityRef.localeCompare(b.entityRef) ||
        a.suite.localeCompare(b.suite) ||
        a.name.localeCompare(b.name),
    )
    .slice(0, MAX_LISTED_TESTS);
}

/**
 * Tests that failed in a run and passed in a later run of the same workflow
 * on the same commit (a re-run attempt or a new run): the later run reported
 * the suite without the test among its failures.
 */
function flakyTests(runs: PipelineRunRecord[]): FlakyTest[] {
  const byCommit = new Map<string, PipelineRunRecord[]>();
  for (const run of runs) {
    if (run.commitSha && run.tests) {
      const key = JSON.stringify([run.entityRef, run.workflow, run.commitSha]);
      byCommit.set(key, [...(byCommit.get(key) ?? []), run]);
    }
  }
  const flaky = new Map<string, FlakyTest>();
  for (const group of byCommit.values()) {
    // Oldest first (runs come sorted by finishedAt).
    group.forEach((failedRun, index) => {
      for (const { suite, name } of failuresOf(failedRun)) {
        const passedRun = group
          .slice(index + 1)
          .reverse()
          .find(later =>
            later.tests!.some(
              reported =>
                reported.suite === suite &&
                !(reported.failedTests ?? []).includes(name),
            ),
          );
        if (passedRun) {
          flaky.set(testKey(failedRun, suite, name), {
            entityRef: failedRun.entityRef,
            workflow: failedRun.workflow,
            suite,
            name,
            failedRun: linkOf(failedRun),
            passedRun: linkOf(passedRun),
          });
        }
      }
    });
  }
  return [...flaky.values()]
    .sort(
      (a, b) =>
        b.passedRun.finishedAt!.localeCompare(a.passedRun.finishedAt!) ||
        a.name.localeCompare(b.name),
    )
    .slice(0, MAX_LISTED_TESTS);
}

/**
 * CI health over a window from its completed runs (oldest first) and the
 * latest counted run of each workflow on the default branch.
 */
export function summarizePipelineHealth(options: {
  from: number;
  to: number;
  runs: PipelineRunRecord[];
  latestOnDefaultBranch: PipelineRunRecord[];
}): PipelineHealth {
  const counted = options.runs.filter(counts);
  const succeeded = counted.filter(run => run.conclusion === 'success');
  const durations = counted.map(
    run => (Date.parse(run.finishedAt!) - Date.parse(run.startedAt)) / 1000,
  );
  const failingNow = options.latestOnDefaultBranch
    .filter(run => run.conclusion !== 'success')
    .sort((a, b) => workflowKey(a).localeCompare(workflowKey(b)));
  const failingWorkflows: FailingWorkflow[] = failingNow.map(run => ({
    entityRef: run.entityRef,
    workflow: run.workflow,
    ...(run.branch && { branch: run.branch }),
    run: linkOf(run),
  }));
  return {
    from: new Date(options.from).toISOString(),
    to: new Date(options.to).toISOString(),
    completedRuns: counted.length,
    succeededRuns: succeeded.length,
    successRate: counted.length ? succeeded.length / counted.length : null,
    medianDurationSeconds: median(durations),
    suites: suiteTotals(counted),
    failingWorkflows,
    failingTests: failingTests(options.runs, failingNow),
    flakyTests: flakyTests(options.runs),
  };
}
