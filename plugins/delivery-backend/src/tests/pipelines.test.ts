import { TestDatabases } from '@backstage/backend-test-utils';
import { pipelineRunEvent } from '../__testUtils__/events';
import {
  component,
  entity,
  startDeliveryBackend,
} from '../__testUtils__/startDeliveryBackend';

jest.setTimeout(60_000);

const parking = 'component:default/parking-api';
const bike = 'component:default/bike-api';
const WORKFLOW = 'parking-api (smart-city)';

const catalog = [
  entity('Domain', 'smart-city'),
  entity('System', 'mobility', { domain: 'smart-city' }),
  component('parking-api', { system: 'mobility' }),
  component('bike-api', { system: 'mobility' }),
];

const WINDOW = 'from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z';
const healthOf = (entityRef: string) =>
  `/pipelines/health?entityRef=${encodeURIComponent(entityRef)}&${WINDOW}`;

const at = (day: number, hour: number, minute = 0) =>
  new Date(Date.UTC(2026, 2, day, hour, minute)).toISOString();

/** A completed run of `minutes` starting at the given hour of 2 March 2026 on. */
function run(
  id: string,
  options: {
    day: number;
    hour: number;
    minutes: number;
    conclusion: 'success' | 'failure' | 'cancelled';
    entityRef?: string;
    attempt?: number;
    sha?: string;
    branch?: string;
    failing?: string[];
  },
) {
  return pipelineRunEvent({
    id,
    entityRef: options.entityRef ?? parking,
    runAttempt: options.attempt ?? 1,
    conclusion: options.conclusion,
    commitSha: options.sha ?? id,
    branch: options.branch ?? 'main',
    startedAt: at(options.day, options.hour),
    finishedAt: at(options.day, options.hour, options.minutes),
    url: `https://github.com/acme/parking-api/actions/runs/${id}`,
    tests: [
      {
        suite: 'unit',
        passed: 10,
        failed: options.failing?.length ?? 0,
        skipped: 1,
        ...(options.failing && { failedTests: options.failing }),
      },
    ],
  });
}

// parking-api: four counted runs (3 succeeded), one cancelled; the flaky
// test failed on attempt 1 of run 3 and passed on attempt 2; the latest run
// on main failed with a failing test. bike-api: one succeeded run.
const history = [
  run('r1', { day: 2, hour: 9, minutes: 4, conclusion: 'success' }),
  run('r2', { day: 3, hour: 9, minutes: 6, conclusion: 'cancelled' }),
  run('r3-a1', {
    day: 4,
    hour: 9,
    minutes: 10,
    conclusion: 'failure',
    sha: 'sha-3',
    failing: ['clock › ticks once a second'],
  }),
  run('r3-a2', {
    day: 4,
    hour: 10,
    minutes: 8,
    conclusion: 'success',
    sha: 'sha-3',
    attempt: 2,
  }),
  run('r4', {
    day: 5,
    hour: 9,
    minutes: 12,
    conclusion: 'failure',
    failing: ['tariff › rounds up'],
  }),
  run('b1', {
    day: 5,
    hour: 11,
    minutes: 3,
    conclusion: 'success',
    entityRef: bike,
  }),
  // A feature branch run does not decide whether the workflow fails now.
  run('f1', {
    day: 6,
    hour: 9,
    minutes: 5,
    conclusion: 'success',
    branch: 'feature/x',
  }),
];

describe('pipeline runs', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function start(databaseId: Parameters<typeof databases.init>[0]) {
    return startDeliveryBackend({
      entities: catalog,
      knex: await databases.init(databaseId),
    });
  }

  it.each(databases.eachSupportedId())(
    'answers success rate, median duration, failing workflows and failing and flaky tests, linked to the runs, %p',
    async databaseId => {
      const { postEvents, get } = await start(databaseId);
      const posted = await postEvents(history);
      expect(posted.status).toBe(200);
      expect(posted.body.accepted).toHaveLength(history.length);

      const parkingHealth = await get(healthOf(parking));
      expect(parkingHealth.status).toBe(200);
      // r1, r3-a1, r3-a2, r4, f1 count; r2 was cancelled.
      expect(parkingHealth.body).toMatchObject({
        completedRuns: 5,
        succeededRuns: 3,
        successRate: 0.6,
        // 4, 5, 8, 10 and 12 minutes.
        medianDurationSeconds: 480,
        suites: [{ suite: 'unit', passed: 50, failed: 2, skipped: 5 }],
        failingWorkflows: [
          {
            entityRef: parking,
            workflow: WORKFLOW,
            branch: 'main',
            run: {
              id: 'r4',
              url: 'https://github.com/acme/parking-api/actions/runs/r4',
            },
          },
        ],
        failingTests: [
          {
            suite: 'unit',
            name: 'tariff › rounds up',
            failures: 1,
            run: { id: 'r4' },
          },
        ],
        flakyTests: [
          {
            suite: 'unit',
            name: 'clock › ticks once a second',
            failedRun: { id: 'r3-a1', runAttempt: 1 },
            passedRun: { id: 'r3-a2', runAttempt: 2 },
          },
        ],
      });

      const runs = await get(
        `/pipelines/runs?entityRef=${encodeURIComponent(parking)}&limit=2`,
      );
      expect(runs.status).toBe(200);
      expect(runs.body.items).toEqual([
        expect.objectContaining({
          id: 'f1',
          status: 'completed',
          conclusion: 'success',
          branch: 'feature/x',
          durationSeconds: 300,
          url: 'https://github.com/acme/parking-api/actions/runs/f1',
        }),
        expect.objectContaining({
          id: 'r4',
          tests: [
            {
              suite: 'unit',
              passed: 10,
              failed: 1,
              skipped: 1,
              failedTests: ['tariff › rounds up'],
            },
          ],
        }),
      ]);

      const domain = await get(healthOf('domain:default/smart-city'));
      expect(domain.body).toMatchObject({
        completedRuns: 6,
        succeededRuns: 4,
        failingWorkflows: [{ entityRef: parking }],
      });

      // A fix on main: the workflow no longer fails now.
      await postEvents(
        run('r5', { day: 6, hour: 12, minutes: 4, conclusion: 'success' }),
      );
      const fixed = await get(healthOf(parking));
      expect(fixed.body.failingWorkflows).toEqual([]);
      expect(fixed.body.failingTests).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps one record per id: an unfinished report never replaces a completed one, and tests left out stay, %p',
    async databaseId => {
      const { postEvents, get } = await start(databaseId);
      const completed = run('r1', {
        day: 2,
        hour: 9,
        minutes: 4,
        conclusion: 'failure',
        failing: ['a'],
      });
      const { tests, ...withoutTests } = completed;
      // The workflow reported its tests while running; GitHub reports the
      // conclusion without tests, before and after.
      const inProgress = {
        ...withoutTests,
        status: 'in_progress',
        conclusion: undefined,
        finishedAt: undefined,
      };
      expect((await postEvents([inProgress, withoutTests])).status).toBe(200);
      expect((await postEvents({ ...inProgress, tests })).status).toBe(200);
      expect((await postEvents(inProgress)).status).toBe(200);
      expect((await postEvents(withoutTests)).status).toBe(200);

      const health = await get(healthOf(parking));
      expect(health.body).toMatchObject({
        completedRuns: 1,
        succeededRuns: 0,
        medianDurationSeconds: 240,
        failingTests: [{ name: 'a', run: { id: 'r1' } }],
      });

      // Jobs in parallel each report their suite; both stay.
      const contract = { suite: 'contract', passed: 4, failed: 0, skipped: 0 };
      expect(
        (await postEvents({ ...inProgress, tests: [contract] })).status,
      ).toBe(200);
      const both = await get(healthOf(parking));
      expect(both.body.suites).toEqual([
        contract,
        { suite: 'unit', passed: 10, failed: 1, skipped: 1 },
      ]);

      const moved = await postEvents({ ...completed, entityRef: bike });
      expect(moved.status).toBe(400);
      expect(moved.body.error.rejected).toEqual([
        expect.objectContaining({
          field: 'entityRef',
          reason: expect.stringContaining(parking),
        }),
      ]);
    },
  );

  it('refuses a bad run with a 400 naming the field', async () => {
    const { postEvents } = await startDeliveryBackend({ entities: catalog });
    const cases: Array<[object, string]> = [
      [{ ...pipelineRunEvent(), workflow: undefined }, 'workflow'],
      [{ ...pipelineRunEvent(), status: 'done' }, 'status'],
      [{ ...pipelineRunEvent(), conclusion: undefined }, 'conclusion'],
      [{ ...pipelineRunEvent(), finishedAt: undefined }, 'finishedAt'],
      [
        { ...pipelineRunEvent(), status: 'in_progress', finishedAt: undefined },
        'conclusion',
      ],
      [{ ...pipelineRunEvent(), runAttempt: 0 }, 'runAttempt'],
      [
        { ...pipelineRunEvent(), finishedAt: '2026-03-02T09:00:00Z' },
        'finishedAt',
      ],
      [
        {
          ...pipelineRunEvent(),
          tests: [{ suite: 'unit', passed: -1, failed: 0, skipped: 0 }],
        },
        'tests[0].passed',
      ],
      [
        {
          ...pipelineRunEvent(),
          tests: [
            {
              suite: 'unit',
              passed: 0,
              failed: 101,
              skipped: 0,
              failedTests: Array.from({ length: 101 }, (_, i) => `t${i}`),
            },
          ],
        },
        'tests[0].failedTests',
      ],
    ];
    for (const [event, field] of cases) {
      const answer = await postEvents(event);
      expect({ field, status: answer.status }).toEqual({ field, status: 400 });
      expect(answer.body.error.rejected).toEqual([
        expect.objectContaining({ field }),
      ]);
    }
  });

  it('refuses a bad window or scope naming the parameter', async () => {
    const { get } = await startDeliveryBackend({ entities: catalog });
    for (const [query, parameter] of [
      ['entityRef=system:default/mobility', 'entityRef'],
      ['from=yesterday', 'from'],
      ['from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z', 'from'],
    ]) {
      const answer = await get(`/pipelines/health?${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(new RegExp(`^${parameter}`));
    }
  });
});
