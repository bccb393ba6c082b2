import { parseEntityRef } from '@backstage/catalog-model';
import {
  DeploymentEvent,
  Environment,
  IncidentEvent,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';
import { deliveryProfileFor } from './deliveryProfiles';
import { simulateDelivery } from './simulateDelivery';
import { SimulatedDeployment } from './simulatedHistory';
import { waitingRelease } from './waitingRelease';
import { DAY, MINUTE, startOfUtcDay } from './workingHours';
import { commitDescription } from './commitDescription';

/**
 * What {@link generateDemoHistory} generates a history for.
 *
 * @public
 */
export interface DemoHistoryOptions {
  /** The entities, e.g. `component:default/payments-api`. */
  entityRefs: string[];
  /** The environments in promotion order. */
  environments: Array<Pick<Environment, 'name' | 'production'>>;
  /** The end of the history; only its UTC day matters. */
  now: Date;
  /** How many days the history covers; 90 by default. */
  days?: number;
}

// Every simulation starts at the same moment, so that a past day's events come
// out the same whichever day the history is generated on: re-ingesting it the
// next day only adds the new day (and finishes what was still running).
const SIMULATION_EPOCH = Date.UTC(2026, 5, 1); // a Monday
// Enough simulated time before the window for every environment to be in use.
const WARM_UP = 28 * DAY;
const WEEK = 7 * DAY;

function simulationStart(windowStart: number): number {
  const needed = windowStart - WARM_UP;
  if (needed >= SIMULATION_EPOCH) {
    return SIMULATION_EPOCH;
  }
  return (
    SIMULATION_EPOCH - Math.ceil((SIMULATION_EPOCH - needed) / WEEK) * WEEK
  );
}

function iso(time: number): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function entitySlug(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef, {
    defaultKind: 'component',
    defaultNamespace: 'default',
  });
  const slug =
    kind.toLocaleLowerCase('en-US') === 'component' && namespace === 'default'
      ? name
      : `${kind}-${namespace}-${name}`;
  return slug.toLocaleLowerCase('en-US');
}

interface TimedEvent {
  /** When the event would have been reported. */
  at: number;
  event: DeploymentEvent | IncidentEvent;
}

function deploymentEvents(
  entityRef: string,
  slug: string,
  deployment: SimulatedDeployment,
  windowStart: number,
  end: number,
): TimedEvent[] {
  const { id, environment, version, commitSha, trigger, actor } = deployment;
  const url =
    trigger === 'pipeline'
      ? `https://ci.example.com/${slug}/pipelines/${deployment.number}`
      : `https://ci.example.com/${slug}/deployments/${environment}/${deployment.number}`;
  const running: DeploymentEvent = {
    type: 'deployment',
    id,
    entityRef,
    environment,
    version,
    commitSha,
    // Commits older than the window are left out, like the rest of that time.
    commits: deployment.commits
      .filter(commit => commit.committedAt >= windowStart)
      .map(commit => ({
        sha: commit.sha,
        committedAt: iso(commit.committedAt),
        ...commitDescription(commit.sha),
      })),
    status: 'in_progress',
    trigger,
    startedAt: iso(deployment.startedAt),
    url,
    ...(actor ? { actor } : {}),
  };
  if (deployment.finishedAt > end) {
    return [{ at: deployment.startedAt, event: running }];
  }
  const finished: DeploymentEvent = {
    ...running,
    status: deployment.status,
    finishedAt: iso(deployment.finishedAt),
  };
  return [
    ...(deployment.reportedInProgress
      ? [{ at: deployment.startedAt, event: running }]
      : []),
    { at: deployment.finishedAt, event: finished },
  ];
}

function incidentEvent(
  entityRef: string,
  incident: {
    id: string;
    environment: string;
    openedAt: number;
    resolvedAt?: number;
    deploymentId?: string;
  },
  end: number,
): TimedEvent {
  const { id, environment, openedAt, resolvedAt, deploymentId } = incident;
  const event: IncidentEvent = {
    type: 'incident',
    id,
    entityRef,
    environment,
    openedAt: iso(openedAt),
    ...(resolvedAt !== undefined && resolvedAt <= end
      ? { resolvedAt: iso(resolvedAt) }
      : {}),
    ...(deploymentId ? { deploymentId } : {}),
    url: `https://incidents.example.com/incidents/${id}`,
  };
  return { at: openedAt, event };
}

/**
 * The incident some services still have open: it follows their latest
 * production deployment and keeps its id, so that on later days it moves
 * rather than piles up.
 */
function ongoingIncident(
  entityRef: string,
  slug: string,
  latest: SimulatedDeployment,
  end: number,
) {
  const random = SeededRandom.fromString(`${entityRef}#${latest.id}`);
  const openedAt = Math.min(
    latest.finishedAt + Math.round(random.between(20, 180)) * MINUTE,
    end - MINUTE,
  );
  if (openedAt <= latest.finishedAt) {
    return undefined;
  }
  return {
    id: `demo-${slug}-${latest.environment}-incident-ongoing`,
    environment: latest.environment,
    openedAt,
    deploymentId: latest.id,
  };
}

function entityHistory(
  entityRef: string,
  environments: Array<{ name: string; production: boolean }>,
  windowStart: number,
  end: number,
): TimedEvent[] {
  const profile = deliveryProfileFor(entityRef.toLocaleLowerCase('en-US'));
  const slug = entitySlug(entityRef);
  const { deployments, incidents } = simulateDelivery({
    entityRef: entityRef.toLocaleLowerCase('en-US'),
    idPrefix: `demo-${slug}`,
    environments,
    profile,
    start: simulationStart(windowStart),
    until: end + 2 * DAY,
  });

  const inWindow = deployments.filter(
    ({ startedAt }) => startedAt >= windowStart && startedAt < end,
  );
  const included = new Set(inWindow.map(({ id }) => id));
  const waiting = waitingRelease({
    entityRef: entityRef.toLocaleLowerCase('en-US'),
    idPrefix: `demo-${slug}`,
    environments,
    deployments: inWindow,
    end,
  });
  const events = [...inWindow, ...waiting].flatMap(deployment =>
    deploymentEvents(entityRef, slug, deployment, windowStart, end),
  );
  for (const incident of incidents) {
    const { openedAt, deploymentId } = incident;
    if (
      openedAt >= windowStart &&
      openedAt < end &&
      (!deploymentId || included.has(deploymentId))
    ) {
      events.push(incidentEvent(entityRef, incident, end));
    }
  }

  const production = environments.filter(e => e.production).pop();
  if (profile.ongoingIncident && production) {
    const latest = inWindow
      .filter(
        d =>
          d.environment === production.name &&
          d.status === 'succeeded' &&
          d.finishedAt <= end,
      )
      .pop();
    const ongoing = latest && ongoingIncident(entityRef, slug, latest, end);
    if (ongoing) {
      events.push(incidentEvent(entityRef, ongoing, end));
    }
  }
  return events;
}

/**
 * The demo's delivery history: about `days` days up to the start of the UTC
 * day of `now`, as the deployment and incident events CI systems would have
 * reported, in the order they would have been reported.
 *
 * @remarks
 * Deterministic: each entity's history is simulated from a fixed point in
 * time with a random stream seeded from its ref, so the same refs on the same
 * UTC day give the same events, and a day's events keep their ids and content
 * on the following days.
 *
 * @public
 */
export function generateDemoHistory(
  options: DemoHistoryOptions,
): Array<DeploymentEvent | IncidentEvent> {
  const days = options.days ?? 90;
  const end = startOfUtcDay(options.now.getTime());
  // Whole days, the first of which starts no earlier than `now - days`.
  const windowStart = end - (days - 1) * DAY;
  const environments = options.environments.map(({ name, production }) => ({
    name,
    production,
  }));
  const events = Array.from(new Set(options.entityRefs)).flatMap(entityRef =>
    entityHistory(entityRef, environments, windowStart, end),
  );
  // A stable sort keeps an in_progress event before its final one.
  return events.sort((a, b) => a.at - b.at).map(({ event }) => event);
}
