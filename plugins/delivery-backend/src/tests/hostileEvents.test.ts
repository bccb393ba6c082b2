import { TestDatabases } from '@backstage/backend-test-utils';
import {
  deploymentEvent,
  incidentEvent,
  pipelineRunEvent,
} from '../__testUtils__/events';
import { startDeliveryBackend } from '../__testUtils__/startDeliveryBackend';

jest.setTimeout(120_000);

// What a careless CI or an attacker sends. PostgreSQL refuses U+0000 in text,
// and SQLite alters an unpaired surrogate, so each must be refused by the API on
// both databases, naming the field, without losing the rest of the batch.
const HOSTILE_TEXT: Array<[string, string]> = [
  ['a NUL byte', 'run\u0000-1'],
  ['an unpaired high surrogate', 'run-\ud800'],
  ['an unpaired low surrogate', '\udc00-run'],
];

const TEXT_FIELDS: Array<{
  field: string;
  event: (value: string) => object;
}> = [
  { field: 'id', event: value => deploymentEvent({ id: value }) },
  { field: 'version', event: value => deploymentEvent({ version: value }) },
  { field: 'commitSha', event: value => deploymentEvent({ commitSha: value }) },
  { field: 'actor', event: value => deploymentEvent({ actor: value }) },
  {
    field: 'entityRef',
    event: value =>
      deploymentEvent({ entityRef: `component:default/parking-${value}` }),
  },
  {
    field: 'url',
    event: value => deploymentEvent({ url: `https://ci.example.com/${value}` }),
  },
  {
    field: 'commits[0].sha',
    event: value =>
      deploymentEvent({
        commits: [{ sha: value, committedAt: '2026-03-02T10:00:00.000Z' }],
      }),
  },
  {
    field: 'commits[0].message',
    event: value =>
      deploymentEvent({
        commits: [
          {
            sha: 'c1',
            committedAt: '2026-03-02T10:00:00.000Z',
            message: value,
          },
        ],
      }),
  },
  {
    field: 'commits[0].author',
    event: value =>
      deploymentEvent({
        commits: [
          { sha: 'c1', committedAt: '2026-03-02T10:00:00.000Z', author: value },
        ],
      }),
  },
  {
    field: 'url',
    event: value =>
      incidentEvent({ url: `https://pager.example.com/${value}` }),
  },
  { field: 'workflow', event: value => pipelineRunEvent({ workflow: value }) },
  { field: 'branch', event: value => pipelineRunEvent({ branch: value }) },
  {
    field: 'tests[0].suite',
    event: value =>
      pipelineRunEvent({
        tests: [{ suite: value, passed: 1, failed: 0, skipped: 0 }],
      }),
  },
  {
    field: 'tests[0].failedTests[0]',
    event: value =>
      pipelineRunEvent({
        tests: [
          {
            suite: 'unit',
            passed: 1,
            failed: 1,
            skipped: 0,
            failedTests: [value],
          },
        ],
      }),
  },
];

const OUT_OF_RANGE_TIMES = [
  '0099-06-01T00:00:00Z',
  '1969-12-31T23:59:59Z',
  '2201-01-01T00:00:00Z',
];

const TIME_FIELDS: Array<{
  field: string;
  event: (value: string) => object;
}> = [
  {
    field: 'startedAt',
    event: value =>
      deploymentEvent({
        startedAt: value,
        status: 'in_progress',
        finishedAt: undefined,
      }),
  },
  {
    field: 'finishedAt',
    event: value => deploymentEvent({ finishedAt: value }),
  },
  {
    field: 'commits[0].committedAt',
    event: value =>
      deploymentEvent({ commits: [{ sha: 'c1', committedAt: value }] }),
  },
  {
    field: 'openedAt',
    event: value => incidentEvent({ openedAt: value, resolvedAt: undefined }),
  },
  {
    field: 'finishedAt',
    event: value => pipelineRunEvent({ finishedAt: value }),
  },
];

const cases = [
  ...TEXT_FIELDS.flatMap(({ field, event }) =>
    HOSTILE_TEXT.map(([what, value]) => ({
      name: `${field} with ${what}`,
      field,
      event: event(value),
    })),
  ),
  ...TIME_FIELDS.flatMap(({ field, event }) =>
    OUT_OF_RANGE_TIMES.map(value => ({
      name: `${field} at ${value}`,
      field,
      event: event(value),
    })),
  ),
  {
    name: 'an id of 256 characters',
    field: 'id',
    event: deploymentEvent({ id: 'x'.repeat(256) }),
  },
];

/** Eight valid deployments of distinct ids, to mix with a hostile one. */
function validBatch(prefix: string) {
  return Array.from({ length: 8 }, (_, i) =>
    deploymentEvent({ id: `${prefix}-${i}`, version: `1.0.${i}` }),
  );
}

describe('hostile events', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'refuses each hostile value alone and inside a batch, naming the field and storing the rest, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { postEvents, get } = await startDeliveryBackend({ knex });

      for (const [n, { name, field, event }] of cases.entries()) {
        const alone = await postEvents(event);
        expect({ name, status: alone.status }).toEqual({ name, status: 400 });
        expect({ name, rejected: alone.body.error.rejected }).toEqual({
          name,
          rejected: [expect.objectContaining({ index: 0, field })],
        });

        const batch = validBatch(`batch-${n}`);
        const mixed = await postEvents([
          ...batch.slice(0, 4),
          event,
          ...batch.slice(4),
        ]);
        expect({ name, status: mixed.status }).toEqual({ name, status: 400 });
        expect({ name, accepted: mixed.body.error.accepted }).toEqual({
          name,
          accepted: batch.map(e => e.id),
        });
        expect(mixed.body.error.rejected).toEqual([
          expect.objectContaining({ index: 4, field }),
        ]);
      }

      let stored = 0;
      let cursor: string | undefined;
      do {
        const page = await get(
          `/deployments?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        stored += page.body.items.length;
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(stored).toBe(cases.length * 8);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps an event id with the entity and environment it was first reported for, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { postEvents, get } = await startDeliveryBackend({ knex });
      const original = deploymentEvent({
        id: 'promotion-42',
        entityRef: 'component:default/traffic-flow-service',
        environment: 'prod',
      });
      expect((await postEvents(original)).status).toBe(200);

      const moved = await postEvents([
        deploymentEvent({ id: 'other-1' }),
        { ...original, entityRef: 'component:default/payments-api' },
        { ...original, environment: 'staging', status: 'failed' },
      ]);
      expect(moved.status).toBe(400);
      expect(moved.body.error.accepted).toEqual(['other-1']);
      expect(moved.body.error.rejected).toEqual([
        {
          index: 1,
          id: 'promotion-42',
          field: 'entityRef',
          reason:
            'must match the event already stored under this id (component:default/traffic-flow-service in prod); an event id cannot move to another entity or environment',
        },
        expect.objectContaining({ index: 2, field: 'entityRef' }),
      ]);

      const environmentMoved = await postEvents({
        ...original,
        environment: 'staging',
      });
      expect(environmentMoved.body.error.rejected).toEqual([
        expect.objectContaining({ field: 'environment' }),
      ]);

      const history = await get('/deployments?limit=10');
      const record = history.body.items.find(
        (d: { id: string }) => d.id === 'promotion-42',
      );
      expect(record).toMatchObject({
        entityRef: 'component:default/traffic-flow-service',
        environment: 'prod',
        status: 'succeeded',
      });

      // The same entity and environment may still update it.
      expect((await postEvents({ ...original, status: 'failed' })).status).toBe(
        200,
      );
    },
  );

  it('holds an id to the first report within one batch, and incidents alike', async () => {
    const { postEvents } = await startDeliveryBackend();
    const response = await postEvents([
      deploymentEvent({ id: 'run-7' }),
      deploymentEvent({ id: 'run-7', environment: 'staging' }),
      incidentEvent({ id: 'pd-7' }),
      incidentEvent({
        id: 'pd-7',
        entityRef: 'component:default/payments-api',
      }),
    ]);
    expect(response.body.error.accepted).toEqual(['run-7', 'pd-7']);
    expect(response.body.error.rejected).toEqual([
      expect.objectContaining({ index: 1, id: 'run-7', field: 'environment' }),
      expect.objectContaining({ index: 3, id: 'pd-7', field: 'entityRef' }),
    ]);

    const later = await postEvents(
      incidentEvent({ id: 'pd-7', environment: 'staging' }),
    );
    expect(later.body.error.rejected).toEqual([
      expect.objectContaining({ id: 'pd-7', field: 'environment' }),
    ]);
  });

  it('tells an empty body, null and a number apart from malformed JSON', async () => {
    const { postEvents } = await startDeliveryBackend();
    const send = (body: string) =>
      postEvents(undefined).set('Content-Type', 'application/json').send(body);

    const empty = await send('');
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe(
      'The body is empty; send one event object or an array of events',
    );
    for (const body of ['null', '42']) {
      const answer = await send(body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toBe(
        'The body must be one event object or an array of events',
      );
    }
  });
});
