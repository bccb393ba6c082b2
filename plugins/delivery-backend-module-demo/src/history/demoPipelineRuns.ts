import { parseEntityRef } from '@backstage/catalog-model';
import {
  PipelineRunEvent,
  PipelineTestSuiteEvent,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';
import { DAY, MINUTE, startOfUtcDay } from './workingHours';

/** How many days before `now` the demo's pipeline runs cover. */
export const DEMO_PIPELINE_DAYS = 14;

// Tests a failing run names; the first ones fail for real, the chaos ones
// are flaky (they pass on a re-run of the same commit).
const BROKEN_TESTS: Array<[string, string]> = [
  ['integration', 'api › answers 404 for an unknown id'],
  ['unit', 'pricing › rounds to the cent'],
  ['contract', 'status › matches contracts/status.schema.json'],
];
const FLAKY_TESTS: Array<[string, string]> = [
  ['chaos', 'upstream › recovers after a timeout'],
  ['blue-green', 'switch › drains the old colour'],
];

const SUITE_SIZES: Array<[string, number]> = [
  ['unit', 48],
  ['integration', 14],
  ['contract', 8],
  ['chaos', 4],
  ['blue-green', 3],
];

function iso(time: number): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function tests(
  random: SeededRandom,
  failing?: [string, string],
): PipelineTestSuiteEvent[] {
  return SUITE_SIZES.map(([suite, size]) => {
    const failed = failing && failing[0] === suite ? [failing[1]] : [];
    const skipped = suite === 'unit' ? random.integer(0, 2) : 0;
    return {
      suite,
      passed: size - skipped - failed.length,
      failed: failed.length,
      skipped,
      ...(failed.length > 0 && { failedTests: failed }),
    };
  });
}

/**
 * The demo's CI runs of one entity: a run of its workflow on `main` each
 * working day of the {@link DEMO_PIPELINE_DAYS} days before `now`'s UTC day,
 * with the tests of every suite. About one run in nine fails a test; about
 * one in eight fails a flaky test and passes on its second attempt. Each day
 * is drawn from a stream seeded from the entity and the day, so the runs of a
 * day keep their ids and content whichever day the history is generated on.
 */
export function demoPipelineRuns(
  entityRef: string,
  now: Date,
): PipelineRunEvent[] {
  const { name } = parseEntityRef(entityRef);
  const end = startOfUtcDay(now.getTime());
  const events: PipelineRunEvent[] = [];
  for (let day = end - DEMO_PIPELINE_DAYS * DAY; day < end; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) {
      continue;
    }
    const date = iso(day).slice(0, 10);
    const random = SeededRandom.fromString(`${entityRef} ${date}`);
    const runNumber = Math.floor(day / DAY);
    const commitSha = `demo${date.replaceAll('-', '')}${name}`.slice(0, 40);
    const startedAt = day + 9 * 60 * MINUTE + random.integer(0, 420) * MINUTE;
    const outcome = random.next();
    const attempt = (
      n: number,
      start: number,
      failing?: [string, string],
    ): PipelineRunEvent => ({
      type: 'pipeline_run',
      id: `demo-run-${name}-${runNumber}-attempt-${n}`,
      entityRef,
      workflow: `${name} delivery`,
      runAttempt: n,
      status: 'completed',
      conclusion: failing ? 'failure' : 'success',
      branch: 'main',
      defaultBranch: 'main',
      commitSha,
      startedAt: iso(start),
      finishedAt: iso(start + random.integer(4, 12) * MINUTE),
      url: `https://ci.example.com/${name}/pipelines/runs/${runNumber}${
        n > 1 ? `/attempts/${n}` : ''
      }`,
      tests: tests(random, failing),
    });
    if (outcome < 0.11) {
      events.push(attempt(1, startedAt, BROKEN_TESTS[random.integer(0, 2)]));
    } else if (outcome < 0.24) {
      events.push(
        attempt(1, startedAt, FLAKY_TESTS[random.integer(0, 1)]),
        attempt(2, startedAt + 30 * MINUTE),
      );
    } else {
      events.push(attempt(1, startedAt));
    }
  }
  return events;
}
