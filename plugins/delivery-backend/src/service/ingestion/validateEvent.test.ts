import { deploymentEvent, incidentEvent } from '../../__testUtils__/events';
import { EventFieldProblem } from './EventFieldProblem';
import { validateEvent } from './validateEvent';

const environments = new Set(['dev', 'staging', 'prod']);

function problemOf(event: unknown) {
  try {
    validateEvent(event, environments);
  } catch (error) {
    if (error instanceof EventFieldProblem) {
      return { field: error.field, reason: error.reason };
    }
    throw error;
  }
  return undefined;
}

describe('validateEvent', () => {
  it('accepts the contract examples and normalises them', () => {
    expect(
      validateEvent(
        deploymentEvent({
          entityRef: 'Component:Default/Parking-API',
          startedAt: '2026-03-02T12:00:00+01:00',
          finishedAt: '2026-03-02T11:04:00.5Z',
          commits: [{ sha: 'c1', committedAt: '2026-03-02T10:00:00Z' }],
        }),
        environments,
      ),
    ).toEqual({
      ...deploymentEvent(),
      startedAt: '2026-03-02T11:00:00.000Z',
      finishedAt: '2026-03-02T11:04:00.500Z',
    });
    expect(validateEvent(incidentEvent(), environments)).toEqual(
      incidentEvent(),
    );
  });

  it('drops the fields the contract does not name, in the event and its commits', () => {
    const deployment = deploymentEvent();
    expect(
      validateEvent(
        {
          ...deployment,
          team: 'parking',
          commits: [{ ...deployment.commits![0], branch: 'main' }],
        },
        environments,
      ),
    ).toEqual(deployment);
    expect(
      validateEvent({ ...incidentEvent(), severity: 'high' }, environments),
    ).toEqual(incidentEvent());
  });

  it("keeps a commit's author and the first line of its message", () => {
    const commit = { sha: 'c1', committedAt: '2026-03-02T10:00:00.000Z' };
    expect(
      validateEvent(
        deploymentEvent({
          commits: [
            {
              ...commit,
              message: '\n  Refund in the customer’s currency 💶\n\nBody text',
              author: ' octocat ',
            },
            { ...commit, sha: 'c2', message: 'x'.repeat(300) },
          ],
        }),
        environments,
      ),
    ).toMatchObject({
      commits: [
        {
          ...commit,
          message: 'Refund in the customer’s currency 💶',
          author: 'octocat',
        },
        { ...commit, sha: 'c2', message: 'x'.repeat(255) },
      ],
    });
  });

  it('treats null optional fields as absent', () => {
    expect(
      validateEvent(
        {
          ...deploymentEvent({ status: 'in_progress' }),
          finishedAt: null,
          commits: null,
          url: null,
        },
        environments,
      ),
    ).toEqual({
      type: 'deployment',
      id: 'run-1-dev',
      entityRef: 'component:default/parking-api',
      environment: 'dev',
      version: '1.0.0',
      commitSha: 'c1',
      status: 'in_progress',
      trigger: 'pipeline',
      startedAt: '2026-03-02T11:00:00.000Z',
      actor: 'user:default/jdoe',
    });
  });

  const cases: Array<[unknown, string, RegExp]> = [
    [{ ...deploymentEvent(), type: 'build' }, 'type', /one of deployment/],
    [[], 'event', /JSON object/],
    [deploymentEvent({ id: ' ' }), 'id', /non-empty/],
    [deploymentEvent({ id: 'x'.repeat(256) }), 'id', /at most 255/],
    [deploymentEvent({ entityRef: 'parking-api' }), 'entityRef', /with a kind/],
    [
      deploymentEvent({ environment: 'qa' }),
      'environment',
      /'qa' is not a configured environment; configured are dev, staging, prod/,
    ],
    [deploymentEvent({ version: undefined }), 'version', /is required/],
    [deploymentEvent({ commitSha: 42 as any }), 'commitSha', /string/],
    [deploymentEvent({ commits: {} as any }), 'commits', /array/],
    [deploymentEvent({ commits: ['c1'] as any }), 'commits[0]', /object/],
    [
      deploymentEvent({
        commits: [
          { sha: 'a', committedAt: '2026-03-01T00:00:00Z' },
          { sha: 'b', committedAt: '2026-03-01T00:00:00Z' },
          { sha: 'c', committedAt: 'yesterday' },
        ],
      }),
      'commits[2].committedAt',
      /ISO 8601/,
    ],
    [
      deploymentEvent({
        commits: [{ committedAt: '2026-03-01T00:00:00Z' } as any],
      }),
      'commits[0].sha',
      /is required/,
    ],
    [
      deploymentEvent({
        commits: [
          {
            sha: 'a',
            committedAt: '2026-03-01T00:00:00Z',
            message: 'a\u0000b',
          },
        ],
      }),
      'commits[0].message',
      /NUL/,
    ],
    [
      deploymentEvent({
        commits: [
          { sha: 'a', committedAt: '2026-03-01T00:00:00Z', author: 'jd\ud800' },
        ],
      }),
      'commits[0].author',
      /unpaired surrogate/,
    ],
    [
      deploymentEvent({
        commits: [
          { sha: 'a', committedAt: '2026-03-01T00:00:00Z', author: ' ' },
        ],
      }),
      'commits[0].author',
      /non-empty/,
    ],
    [deploymentEvent({ status: 'done' as any }), 'status', /in_progress, succ/],
    [deploymentEvent({ trigger: 'manual' as any }), 'trigger', /pipeline/],
    [deploymentEvent({ startedAt: '2026-03-02' }), 'startedAt', /time zone/],
    [
      deploymentEvent({ startedAt: '2026-03-02T11:00:00' }),
      'startedAt',
      /time zone/,
    ],
    [
      deploymentEvent({ startedAt: '2026-02-30T11:00:00Z' }),
      'startedAt',
      /ISO 8601/,
    ],
    [deploymentEvent({ finishedAt: undefined }), 'finishedAt', /is required/],
    [
      deploymentEvent({ status: 'in_progress' }),
      'finishedAt',
      /left out while status is in_progress/,
    ],
    [
      deploymentEvent({ finishedAt: '2026-03-02T10:59:59Z' }),
      'finishedAt',
      /must not be before startedAt/,
    ],
    [deploymentEvent({ url: 'ftp://example.com/run' }), 'url', /http or https/],
    [deploymentEvent({ actor: '' }), 'actor', /non-empty/],
    [incidentEvent({ openedAt: undefined }), 'openedAt', /is required/],
    [
      incidentEvent({ resolvedAt: '2026-03-02T11:00:00Z' }),
      'resolvedAt',
      /must not be before openedAt/,
    ],
    [incidentEvent({ deploymentId: 7 as any }), 'deploymentId', /string/],
  ];

  it.each(cases.map(([event, field, reason]) => [field, event, reason]))(
    'rejects a bad %s',
    (field, event, reason) => {
      const problem = problemOf(event);
      expect(problem?.field).toBe(field);
      expect(problem?.reason).toMatch(reason as RegExp);
    },
  );
});
