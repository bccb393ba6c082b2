import { DAY } from './workingHours';
import { DEMO_PIPELINE_DAYS, demoPipelineRuns } from './demoPipelineRuns';

const NOW = new Date('2026-12-06T08:00:00Z');
const REFS = [
  'component:default/payments-api',
  'component:default/invoicing-service',
  'component:default/parking-availability-service',
  'component:default/timetable-service',
];

describe('demoPipelineRuns', () => {
  it('gives the same runs for the same day, and keeps a day’s runs the next day', () => {
    const today = demoPipelineRuns(REFS[0], NOW);
    expect(demoPipelineRuns(REFS[0], NOW)).toEqual(today);
    const tomorrow = demoPipelineRuns(REFS[0], new Date(NOW.getTime() + DAY));
    const kept = tomorrow.filter(run => today.some(t => t.id === run.id));
    expect(kept).toEqual(today.filter(run => kept.some(k => k.id === run.id)));
    expect(kept.length).toBeGreaterThan(0);
  });

  it('runs on working days before today, with the tests of every suite', () => {
    const runs = demoPipelineRuns(REFS[0], NOW);
    const first = NOW.getTime() - DEMO_PIPELINE_DAYS * DAY - DAY;
    for (const run of runs) {
      const started = Date.parse(run.startedAt);
      expect(started).toBeGreaterThan(first);
      expect(started).toBeLessThan(Date.parse('2026-12-06T00:00:00Z'));
      expect([0, 6]).not.toContain(new Date(started).getUTCDay());
      expect(run.tests!.map(suite => suite.suite)).toEqual([
        'unit',
        'integration',
        'contract',
        'chaos',
        'blue-green',
      ]);
    }
  });

  it('has failing and flaky runs across the demo components, each once, finishing after it started', () => {
    const runs = REFS.flatMap(ref => demoPipelineRuns(ref, NOW));
    expect(runs.some(run => run.conclusion === 'failure')).toBe(true);
    // A flaky test: the second attempt of a run that failed.
    expect(runs.some(run => run.runAttempt === 2)).toBe(true);
    expect(new Set(runs.map(run => run.id)).size).toBe(runs.length);
    for (const run of runs) {
      expect(run.finishedAt! > run.startedAt).toBe(true);
    }
  });
});
