import {
  DeploymentEvent,
  IncidentEvent,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { generateDemoHistory } from '../history/generateDemoHistory';
import { ENVIRONMENTS } from './catalog';

// The delivery-enabled components of the demo catalog (examples/domains).
export const DEMO_ENTITY_REFS = [
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

export const NOW = new Date('2026-11-19T15:42:00Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
export const SEMVER = /^\d+\.\d+\.\d+$/;
export const SHA = /^[0-9a-f]{40}$/;

export const history = generateDemoHistory({
  entityRefs: DEMO_ENTITY_REFS,
  environments: ENVIRONMENTS,
  now: NOW,
});

export function time(value: string | undefined): number {
  return value === undefined ? NaN : Date.parse(value);
}

/** The events as the store keeps them: the last event of each id. */
export function records(events: Array<DeploymentEvent | IncidentEvent>) {
  const byId = new Map<string, DeploymentEvent | IncidentEvent>();
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
export function problems(event: DeploymentEvent | IncidentEvent): string[] {
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
