import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DeliveryEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import { DeliveryEventConnection } from '@domain-delivery/backstage-plugin-delivery-node';
import { ENVIRONMENTS, component } from '../__testUtils__/catalog';
import { DemoHistoryLoader } from './DemoHistoryLoader';
import { generateDemoHistory } from './generateDemoHistory';

const CATALOG = [
  component('timetable-service', { 'domain-delivery.io/service': 'timetable' }),
  component('payments-api', { 'domain-delivery.io/service': 'payments-api' }),
  component('journey-planner-service', {
    'domain-delivery.io/service': 'journey-planner',
    'domain-delivery.io/environments': 'dev,prod',
  }),
  // Not delivered through Domain Delivery.
  component('delivery-docs-site'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'payments',
      annotations: { 'domain-delivery.io/service': 'payments' },
    },
    spec: { owner: 'group:team' },
  } as Entity,
];

const NOW = new Date('2026-11-19T15:42:00Z');

function setup(options: {
  entities?: Entity[];
  rejectFirst?: boolean;
  now?: Date;
}) {
  const scheduler = mockServices.scheduler.mock();
  const logger = mockServices.logger.mock();
  let clock = options.now ?? NOW;
  const ingest = jest.fn<
    ReturnType<DeliveryEventConnection['ingest']>,
    [DeliveryEvent[]]
  >(async events => ({
    accepted: events.map(e => e.id).slice(options.rejectFirst ? 1 : 0),
    rejected: options.rejectFirst
      ? [{ index: 0, field: 'version', reason: 'is not a version' }]
      : [],
  }));
  const create = () =>
    DemoHistoryLoader.create({
      logger,
      scheduler,
      catalog: catalogServiceMock({ entities: options.entities ?? CATALOG }),
      auth: mockServices.auth(),
      connection: {
        ingest,
        environments: ENVIRONMENTS,
        recordApplicationStatuses: async () => {},
      },
      now: () => clock,
    });
  const task = () => {
    const [definition] = scheduler.scheduleTask.mock.calls[0];
    return definition as SchedulerServiceTaskInvocationDefinition;
  };
  const run = () => task().fn(new AbortController().signal);
  const ingested = () => ingest.mock.calls.flatMap(([events]) => events);
  const setNow = (now: Date) => {
    clock = now;
  };
  return { scheduler, logger, ingest, create, task, run, ingested, setNow };
}

describe('DemoHistoryLoader', () => {
  it('schedules one global task', async () => {
    const { scheduler, create } = setup({});
    await create();
    expect(scheduler.scheduleTask).toHaveBeenCalledTimes(1);
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'delivery-demo-history',
        scope: 'global',
        frequency: { minutes: 5 },
        timeout: { minutes: 2 },
        initialDelay: { seconds: 5 },
      }),
    );
  });

  it("ingests the history of the catalog's delivery-enabled components in batches of at most 1000", async () => {
    const { logger, ingest, create, run, ingested } = setup({});
    await create();
    await run();

    expect(ingest.mock.calls.length).toBeGreaterThan(1);
    for (const [batch] of ingest.mock.calls) {
      expect(batch.length).toBeGreaterThan(0);
      expect(batch.length).toBeLessThanOrEqual(1000);
    }
    const events = ingested();
    expect(new Set(events.map(e => e.entityRef))).toEqual(
      new Set([
        'component:default/timetable-service',
        'component:default/payments-api',
        'component:default/journey-planner-service',
      ]),
    );
    // The same history the generator gives, in the generator's order.
    const timetable = generateDemoHistory({
      entityRefs: ['component:default/timetable-service'],
      environments: ENVIRONMENTS,
      now: NOW,
    });
    expect(
      events.filter(
        e =>
          e.entityRef === 'component:default/timetable-service' &&
          e.type !== 'pipeline_run',
      ),
    ).toEqual(timetable);
    // An entity delivered to some environments only gets only those.
    expect(
      new Set(
        events
          .filter(
            e => e.entityRef === 'component:default/journey-planner-service',
          )
          .flatMap(e => (e.type === 'pipeline_run' ? [] : [e.environment])),
      ),
    ).toEqual(new Set(['dev', 'prod']));

    expect(logger.info).toHaveBeenCalledWith(
      `Loaded the demo delivery history of 3 components: ${events.length} events accepted`,
    );
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('does not ingest again on the next run the same day, but does the next day', async () => {
    const { ingest, create, run, setNow } = setup({});
    await create();
    await run();
    const calls = ingest.mock.calls.length;

    await run();
    expect(ingest.mock.calls.length).toBe(calls);

    setNow(new Date(NOW.getTime() + 24 * 3_600_000));
    await run();
    expect(ingest.mock.calls.length).toBeGreaterThan(calls);
  });

  it('waits for the catalog when it has no delivery-enabled components yet', async () => {
    const { logger, ingest, create, run } = setup({
      entities: [component('delivery-docs-site')],
    });
    await create();
    await run();
    expect(ingest).not.toHaveBeenCalled();
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        'No delivery-enabled components in the catalog yet',
      ),
    );
  });

  it('warns with the rejected events', async () => {
    const { logger, create, run, ingested } = setup({
      entities: [CATALOG[0]],
      rejectFirst: true,
    });
    await create();
    await run();
    const [first] = ingested();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        JSON.stringify([
          { id: first.id, field: 'version', reason: 'is not a version' },
        ]),
      ),
    );
  });

  it('tries again on the next run when ingestion fails', async () => {
    const { ingest, create, run } = setup({
      entities: [CATALOG[1]],
    });
    await create();
    ingest.mockRejectedValueOnce(new Error('database is locked'));
    await expect(run()).rejects.toThrow(
      'Failed to ingest the demo delivery history; caused by Error: database is locked',
    );
    await run();
    expect(ingest.mock.calls.length).toBe(2);
  });
});
