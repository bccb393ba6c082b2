import {
  DeliveryEvent,
  DeploymentEvent,
  IncidentEvent,
} from '@internal/backstage-plugin-delivery-common';
import { compare } from 'semver';
import { generateDemoHistory } from './generateDemoHistory';

// The delivery-enabled components of the demo catalog (examples/domains).
const DEMO_ENTITY_REFS = [
  'payments-api',
  'invoicing-service',
  'subscription-service',
  'customer-profile-service',
  'notification-service',
  'journey-planner-service',
  'timetable-service',
  'traffic-flow-service',
  'parking-availability-service',
  'bike-share-service',
].map(name => `component:default/${name}`);

// As in the demo's app-config.yaml.
const ENVIRONMENTS = [
  { name: 'dev', production: false },
  { name: 'staging', production: false },
  { name: 'prod', production: true },
];

const NOW = new Date('2026-11-19T15:42:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const SEMVER = /^\d+\.\d+\.\d+$/;
const SHA = /^[0-9a-f]{40}$/;

const history = generateDemoHistory({
  entityRefs: DEMO_ENTITY_REFS,
  environments: ENVIRONMENTS,
  now: NOW,
});

function time(value: string | undefined): number {
  return value === undefined ? NaN : Date.parse(value);
}

/** The events as the store keeps them: the last event of each id. */
function records(events: DeliveryEvent[]) {
  const byId = new Map<string, DeliveryEvent>();
  events.forEach(event => byId.set(event.id, event));
  const all = [...byId.values()];
  return {
    deployments: all.filter(
      (e): e is DeploymentEvent => e.type === 'deployment',
    ),
    incidents: all.filter((e): e is IncidentEvent => e.type === 'incident'),
  };
}

/** What an ingestion validator would object to in an event. */
function problems(event: DeliveryEvent): string[] {
  const found: string[] = [];
  const check = (ok: boolean, problem: string) => ok || found.push(problem);
  check(event.id.startsWith('demo-'), 'id');
  check(DEMO_ENTITY_REFS.includes(event.entityRef), 'entityRef');
  check(
    ENVIRONMENTS.some(e => e.name === event.environment),
    'environment',
  );
  check(event.url?.startsWith('https://') ?? false, 'url');
  if (event.type === 'deployment') {
    check(SEMVER.test(event.version), 'version');
    check(SHA.test(event.commitSha), 'commitSha');
    check(
      ['in_progress', 'succeeded', 'failed', 'cancelled'].includes(
        event.status,
      ),
      'status',
    );
    check(
      ['pipeline', 'promotion', 'rollback', 'hotfix'].includes(event.trigger),
      'trigger',
    );
    check(ISO_UTC.test(event.startedAt), 'startedAt');
    if (event.status === 'in_progress') {
      check(event.finishedAt === undefined, 'finishedAt present');
    } else {
      check(ISO_UTC.test(event.finishedAt ?? ''), 'finishedAt');
      check(time(event.finishedAt) >= time(event.startedAt), 'finishedAt');
    }
    for (const commit of event.commits ?? []) {
      check(SHA.test(commit.sha), 'commits.sha');
      check(ISO_UTC.test(commit.committedAt), 'commits.committedAt');
      check(time(commit.committedAt) < time(event.startedAt), 'committedAt');
    }
    if (event.commits?.length) {
      check(event.commits.at(-1)?.sha === event.commitSha, 'head commit');
    }
    check(
      event.actor === undefined || /^user:default\/[a-z-]+$/.test(event.actor),
      'actor',
    );
  } else {
    check(event.environment === 'prod', 'production environment');
    check(ISO_UTC.test(event.openedAt), 'openedAt');
    if (event.resolvedAt !== undefined) {
      check(ISO_UTC.test(event.resolvedAt), 'resolvedAt');
      check(time(event.resolvedAt) >= time(event.openedAt), 'resolvedAt');
    }
  }
  return found;
}

describe('generateDemoHistory', () => {
  it('gives the same events for the same entities on the same UTC day', () => {
    const again = generateDemoHistory({
      entityRefs: DEMO_ENTITY_REFS,
      environments: ENVIRONMENTS,
      now: new Date('2026-11-19T23:59:59Z'),
    });
    expect(again).toEqual(history);
    expect(history.length).toBeGreaterThan(1000);
  });

  it('gives each entity the same history whether generated alone or with others', () => {
    const alone = generateDemoHistory({
      entityRefs: ['component:default/timetable-service'],
      environments: ENVIRONMENTS,
      now: NOW,
    });
    expect(alone).toEqual(
      history.filter(
        e => e.entityRef === 'component:default/timetable-service',
      ),
    );
  });

  it('shifts the window by a day the next day, keeping the events both days show', () => {
    const next = generateDemoHistory({
      entityRefs: DEMO_ENTITY_REFS,
      environments: ENVIRONMENTS,
      now: new Date(NOW.getTime() + DAY),
    });
    const starts = (events: DeliveryEvent[]) =>
      events.map(e => time(e.type === 'deployment' ? e.startedAt : e.openedAt));
    expect(Math.max(...starts(next))).toBeGreaterThan(
      Math.max(...starts(history)),
    );
    expect(Math.min(...starts(next))).toBeGreaterThan(
      Math.min(...starts(history)),
    );

    // What had settled yesterday is reported identically today, so that
    // ingesting today's history on top of yesterday's only adds to it.
    const nextWindowStart = Math.min(...starts(next));
    const settled = history.filter(event => {
      if (event.type === 'incident') {
        return (
          event.resolvedAt !== undefined &&
          time(event.openedAt) >= nextWindowStart
        );
      }
      return (
        event.status !== 'in_progress' &&
        // The release waiting for production moves with the end of the history.
        !event.id.endsWith('-waiting') &&
        (event.commits ?? []).every(
          commit => time(commit.committedAt) >= nextWindowStart,
        ) &&
        time(event.startedAt) >= nextWindowStart
      );
    });
    expect(settled.length).toBeGreaterThan(1000);
    const nextById = new Map(
      next
        .filter(e => e.type === 'incident' || e.status !== 'in_progress')
        .map(e => [e.id, e]),
    );
    for (const event of settled) {
      expect(nextById.get(event.id)).toEqual(event);
    }
  });

  it('keeps every time within the last 90 days', () => {
    const from = NOW.getTime() - 90 * DAY;
    const to = NOW.getTime();
    const times = history.flatMap(event =>
      event.type === 'deployment'
        ? [
            event.startedAt,
            ...(event.finishedAt ? [event.finishedAt] : []),
            ...(event.commits ?? []).map(c => c.committedAt),
          ]
        : [event.openedAt, ...(event.resolvedAt ? [event.resolvedAt] : [])],
    );
    const earliest = Math.min(...times.map(time));
    const latest = Math.max(...times.map(time));
    expect(earliest).toBeGreaterThanOrEqual(from);
    expect(earliest).toBeLessThan(from + 2 * DAY);
    expect(latest).toBeLessThanOrEqual(to);
  });

  it('gives only valid events', () => {
    const invalid = history
      .map(event => ({ id: event.id, problems: problems(event) }))
      .filter(entry => entry.problems.length > 0);
    expect(invalid).toEqual([]);
  });

  it('reports an id twice only as in_progress first, then with the final status', () => {
    const seen = new Map<string, DeliveryEvent[]>();
    history.forEach(e => seen.set(e.id, [...(seen.get(e.id) ?? []), e]));
    const reports = [...seen.values()];
    expect(reports.filter(events => events.length > 2)).toEqual([]);
    const pairs = reports.filter(events => events.length === 2) as Array<
      DeploymentEvent[]
    >;
    expect(pairs.length).toBeGreaterThan(100);
    expect(
      pairs.map(([first, second]) => [
        first.status,
        second.status !== 'in_progress',
      ]),
    ).toEqual(pairs.map(() => ['in_progress', true]));
    const withoutOutcome = ({ status, finishedAt, ...rest }: DeploymentEvent) =>
      rest;
    expect(pairs.map(([, second]) => withoutOutcome(second))).toEqual(
      pairs.map(([first]) => withoutOutcome(first)),
    );
  });

  it('gives every entity succeeded deployments in every environment', () => {
    const { deployments } = records(history);
    for (const entityRef of DEMO_ENTITY_REFS) {
      for (const { name } of ENVIRONMENTS) {
        expect({
          entityRef,
          name,
          succeeded: deployments.some(
            d =>
              d.entityRef === entityRef &&
              d.environment === name &&
              d.status === 'succeeded',
          ),
        }).toEqual({ entityRef, name, succeeded: true });
      }
    }
  });

  it('shows failed rollouts, rollbacks, hotfixes and incidents, one of them still open', () => {
    const { deployments, incidents } = records(history);
    const count = (trigger: string, status = 'succeeded') =>
      deployments.filter(d => d.trigger === trigger && d.status === status)
        .length;
    expect(
      deployments.filter(d => d.status === 'failed').length,
    ).toBeGreaterThan(0);
    expect(count('rollback')).toBeGreaterThan(0);
    expect(count('hotfix')).toBeGreaterThan(0);
    expect(incidents.some(i => i.deploymentId)).toBe(true);
    expect(incidents.some(i => !i.deploymentId)).toBe(true);
    expect(incidents.some(i => !i.resolvedAt)).toBe(true);
  });

  it('follows a failed rollout with a retry of the same version', () => {
    const { deployments } = records(history);
    const byStart = [...deployments].sort(
      (a, b) => time(a.startedAt) - time(b.startedAt),
    );
    const failed = byStart.filter(d => d.status === 'failed');
    const retries = failed.map(rollout =>
      byStart.find(
        d =>
          d.entityRef === rollout.entityRef &&
          d.environment === rollout.environment &&
          time(d.startedAt) > time(rollout.startedAt),
      ),
    );
    expect(failed.length).toBeGreaterThan(10);
    // Only a rollout that failed on the last evening may lack its retry.
    expect(retries.filter(retry => !retry).length).toBeLessThanOrEqual(1);
    const wrong = failed.filter((rollout, index) => {
      const retry = retries[index];
      return (
        retry &&
        (retry.version !== rollout.version ||
          time(retry.startedAt) - time(rollout.finishedAt) > HOUR)
      );
    });
    expect(wrong).toEqual([]);
  });

  it('promotes only versions that ran in the previous environment, except hotfixes', () => {
    const { deployments } = records(history);
    const windowStart = NOW.getTime() - 89 * DAY;
    const promotions = deployments.filter(
      d =>
        d.trigger === 'promotion' && time(d.startedAt) > windowStart + 14 * DAY,
    );
    expect(promotions.length).toBeGreaterThan(1000);
    for (const promotion of promotions) {
      const index = ENVIRONMENTS.findIndex(
        e => e.name === promotion.environment,
      );
      expect(index).toBeGreaterThan(0);
      const before = deployments.find(
        d =>
          d.entityRef === promotion.entityRef &&
          d.environment === ENVIRONMENTS[index - 1].name &&
          d.version === promotion.version &&
          d.status === 'succeeded' &&
          time(d.finishedAt) <= time(promotion.startedAt),
      );
      expect(before?.id ?? promotion).toEqual(expect.any(String));
    }

    const hotfixes = deployments.filter(d => d.trigger === 'hotfix');
    for (const hotfix of hotfixes) {
      expect(hotfix.environment).toBe('prod');
      expect(
        deployments.some(
          d =>
            d.entityRef === hotfix.entityRef &&
            d.version === hotfix.version &&
            d.environment !== 'prod',
        ),
      ).toBe(false);
    }
  });

  it('rolls back soon after a bad production deployment, to an earlier version', () => {
    const { deployments } = records(history);
    const production = deployments
      .filter(d => d.environment === 'prod' && d.status === 'succeeded')
      .sort((a, b) => time(a.finishedAt) - time(b.finishedAt));
    const rollbacks = production.filter(d => d.trigger === 'rollback');
    expect(rollbacks.length).toBeGreaterThan(0);
    const wrong = rollbacks.filter(rollback => {
      const bad = production
        .filter(
          d =>
            d.entityRef === rollback.entityRef &&
            time(d.finishedAt) < time(rollback.startedAt),
        )
        .pop();
      return (
        !bad ||
        compare(rollback.version, bad.version) >= 0 ||
        time(rollback.startedAt) - time(bad.finishedAt) > 6 * HOUR
      );
    });
    expect(wrong).toEqual([]);
  });

  it('opens incidents within hours of a production deployment, before the next one', () => {
    const { deployments, incidents } = records(history);
    const wrong = incidents.filter(incident => {
      const production = deployments
        .filter(
          d =>
            d.entityRef === incident.entityRef &&
            d.environment === 'prod' &&
            d.status === 'succeeded',
        )
        .sort((a, b) => time(a.finishedAt) - time(b.finishedAt));
      const opened = time(incident.openedAt);
      const cause = incident.deploymentId
        ? production.find(d => d.id === incident.deploymentId)
        : production.filter(d => time(d.finishedAt) < opened).pop();
      if (!cause || time(cause.finishedAt) >= opened) {
        return true;
      }
      // Without a deploymentId, it is attributed by rule: within hours after
      // a production deployment, before the next one.
      const next = production.find(
        d => time(d.finishedAt) > time(cause.finishedAt),
      );
      const unattributable =
        !incident.deploymentId &&
        (opened - time(cause.finishedAt) > 4 * HOUR ||
          (next !== undefined && time(next.finishedAt) <= opened));
      const minutes = (time(incident.resolvedAt) - opened) / 60_000;
      const badDuration =
        incident.resolvedAt !== undefined &&
        !incident.id.endsWith('-ongoing') &&
        (minutes < 15 || minutes > 8 * 60);
      return unattributable || badDuration;
    });
    expect(incidents.length).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });

  it('gives entities different delivery profiles', () => {
    const { deployments } = records(history);
    const perEntity = DEMO_ENTITY_REFS.map(
      ref =>
        deployments.filter(
          d =>
            d.entityRef === ref &&
            d.environment === 'prod' &&
            d.status === 'succeeded',
        ).length,
    );
    // Several a day for some, a few a quarter for others.
    expect(Math.max(...perEntity)).toBeGreaterThan(90);
    expect(Math.min(...perEntity)).toBeLessThan(10);
  });

  it('may end with a deployment to staging still in progress', () => {
    const { deployments } = records(history);
    const running = deployments.filter(d => d.status === 'in_progress');
    expect(running.map(d => d.environment)).toContain('staging');
    const next = records(
      generateDemoHistory({
        entityRefs: DEMO_ENTITY_REFS,
        environments: ENVIRONMENTS,
        now: new Date(NOW.getTime() + DAY),
      }),
    );
    for (const deployment of running) {
      const later = next.deployments.find(d => d.id === deployment.id);
      expect(later?.status).toMatch(/^(succeeded|failed)$/);
    }
  });

  it('ends every day with a version that may go to production: newer than prod, an hour in staging', () => {
    for (let day = 0; day < 60; day++) {
      const end = Date.parse('2026-11-20T00:00:00Z') + day * DAY;
      const { deployments } = records(
        generateDemoHistory({
          entityRefs: ['component:default/timetable-service'],
          environments: ENVIRONMENTS,
          now: new Date(end),
        }),
      );
      const runningIn = (environment: string) =>
        deployments
          .filter(
            d => d.environment === environment && d.status === 'succeeded',
          )
          .sort((a, b) => time(a.finishedAt) - time(b.finishedAt))
          .pop()!;
      const staging = runningIn('staging');
      expect(
        compare(staging.version, runningIn('prod').version),
      ).toBeGreaterThan(0);
      expect(time(staging.finishedAt)).toBeLessThanOrEqual(end - HOUR);
    }
  });

  it('works with other environment lists', () => {
    const refs = [
      'component:default/payments-api',
      'component:default/timetable-service',
    ];
    const twoStages = generateDemoHistory({
      entityRefs: refs,
      environments: [
        { name: 'test', production: false },
        { name: 'live', production: true },
      ],
      now: NOW,
    });
    expect(new Set(twoStages.map(e => e.environment))).toEqual(
      new Set(['test', 'live']),
    );
    const noProduction = generateDemoHistory({
      entityRefs: refs,
      environments: [{ name: 'dev', production: false }],
      now: NOW,
    });
    expect(noProduction.length).toBeGreaterThan(0);
    expect(noProduction.every(e => e.type === 'deployment')).toBe(true);
    expect(
      generateDemoHistory({ entityRefs: refs, environments: [], now: NOW }),
    ).toEqual([]);
  });
});
