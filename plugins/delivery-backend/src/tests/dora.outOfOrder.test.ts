import { TestDatabases } from '@backstage/backend-test-utils';
import {
  DeliveryEvent,
  DeploymentEvent,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { at, createDora, hours } from '../__testUtils__/dora';
import {
  failureHistory,
  failureSummary,
  failureWindow,
  leadTimeHistory,
  leadTimeSummary,
} from '../__testUtils__/doraScenarios';
import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';

jest.setTimeout(120_000);

const history = [...failureHistory, ...leadTimeHistory];

function shuffled<T>(items: T[], seed: number): T[] {
  const random = new SeededRandom(seed);
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = random.integer(0, i);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

const isFinishedDeployment = (event: DeliveryEvent): event is DeploymentEvent =>
  event.type === 'deployment' && event.status !== 'in_progress';

// The reports of one event before its final one: a finished deployment is
// first reported running, then succeeded 100 h after it really finished, as a
// pipeline run and with a stray commit; a resolved incident first unresolved.
function versionsOf(event: DeliveryEvent): DeliveryEvent[] {
  if (isFinishedDeployment(event)) {
    const finishedHour =
      (Date.parse(event.finishedAt!) - Date.UTC(2026, 2, 2)) / 3_600_000;
    return [
      { ...event, status: 'in_progress', finishedAt: undefined, commits: [] },
      {
        ...event,
        status: 'succeeded',
        trigger: 'pipeline',
        finishedAt: at(finishedHour + 100),
        commits: [
          ...(event.commits ?? []),
          { sha: `stray-${event.id}`, committedAt: at(-50) },
        ],
      },
      event,
    ];
  }
  if (event.type === 'incident' && event.resolvedAt) {
    const { resolvedAt, ...unresolved } = event;
    return [unresolved, event];
  }
  return [event];
}

// A random interleaving of every event's reports, each event's in order.
function interleaved(events: DeliveryEvent[], seed: number): DeliveryEvent[] {
  const random = new SeededRandom(seed);
  const queues = events.map(versionsOf);
  const result: DeliveryEvent[] = [];
  while (queues.length > 0) {
    const index = random.integer(0, queues.length - 1);
    result.push(queues[index].shift()!);
    if (queues[index].length === 0) {
      queues.splice(index, 1);
    }
  }
  return result;
}

const orders: Array<[string, (events: DeliveryEvent[]) => DeliveryEvent[][]]> =
  [
    ['in order, in one batch', events => [events]],
    [
      'in reverse, one at a time',
      events => [...events].reverse().map(e => [e]),
    ],
    [
      'shuffled, in batches of three',
      events => {
        const mixed = shuffled(events, 42);
        return Array.from({ length: Math.ceil(mixed.length / 3) }, (_, i) =>
          mixed.slice(3 * i, 3 * i + 3),
        );
      },
    ],
    [
      'interleaved with their earlier reports (running, misplaced, open), each sent twice',
      events =>
        interleaved(events, 7)
          .flatMap(event => [[event], [event]])
          // A late in_progress report never replaces a finished deployment.
          .concat(
            events.filter(isFinishedDeployment).map(event => [
              {
                ...event,
                status: 'in_progress' as const,
                finishedAt: undefined,
              },
            ]),
          ),
    ],
  ];

describe('DORA with events in any order', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    it.each(orders)(
      'gives the in-order numbers when events arrive %s',
      async (_, arrange) => {
        const { ingest, dora } = await createDora(databases, databaseId);
        for (const batch of arrange(history)) {
          await ingest(batch);
        }

        expect((await dora(failureWindow)).summary).toEqual(failureSummary);
        expect(
          (
            await dora({
              entityRef: 'component:default/lighting-api',
              from: '2026-03-02',
              to: '2026-03-04',
            })
          ).summary,
        ).toEqual({
          ...leadTimeSummary,
          leadTimeP90Seconds: expect.closeTo(hours(16), 6),
        });
      },
    );
  });
});
