import {
  DeliveryEvent,
  IncidentEvent,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { FinishedDeployment } from './randomDoraDeployments';
import { MINUTE, RandomHistory, entityRef, iso } from './randomDoraHistory';

/**
 * An entity's random incidents: explicit, unattributed, open and early ones,
 * some exactly on a boundary, and some naming what is no deployment.
 */
export function randomIncidents(
  history: RandomHistory,
  entity: { name: string },
  deployments: { prodFinished: FinishedDeployment[]; lastMinute: number },
): void {
  const { random, production, attributionMs, reports } = history;
  const { prodFinished, lastMinute: t } = deployments;
  const ref = entityRef(entity.name);
  // incidents
  let incidentCounter = 0;
  const incident = (overrides: Partial<IncidentEvent>): IncidentEvent => ({
    type: 'incident',
    id: `${entity.name}-i${incidentCounter++}`,
    entityRef: ref,
    environment: random.pick(production),
    openedAt: iso(0),
    ...overrides,
  });
  const withResolution = (event: IncidentEvent, openedMinute: number) => {
    if (random.chance(0.25)) {
      return [event]; // still open
    }
    const resolved = {
      ...event,
      resolvedAt: iso(openedMinute + random.integer(1, 3000)),
    };
    const versions: DeliveryEvent[] = [];
    if (random.chance(0.05)) {
      // first reported against another deployment, or none
      versions.push({
        ...event,
        deploymentId: event.deploymentId ? undefined : 'svc-0-p1',
        resolvedAt: iso(openedMinute + random.integer(1, 3000)),
      });
    }
    if (random.chance(0.4)) versions.push(event); // first reported open
    if (random.chance(0.1)) {
      versions.push({
        ...event,
        resolvedAt: iso(openedMinute + random.integer(1, 3000)),
      }); // a resolution the final report corrects
    }
    versions.push(resolved);
    if (random.chance(0.1)) versions.push(event); // a late open report
    return versions;
  };
  // Each deployment's next one in its own environment.
  const inOrder = [...prodFinished].sort((a, b) => a.minute - b.minute);
  const nextOf = (d: FinishedDeployment) =>
    inOrder.find(
      n => n !== d && n.environment === d.environment && n.minute >= d.minute,
    );
  prodFinished.forEach(deployment => {
    const { id, minute } = deployment;
    const next = nextOf(deployment);
    // mostly of the deployment's own environment, now and then of another
    const environment = random.chance(0.8)
      ? deployment.environment
      : random.pick(production);
    if (random.chance(0.15)) {
      // an incident that names the deployment
      // (now and then opened before it finished: it names it all the same)
      const opened = random.chance(0.1)
        ? minute - random.integer(0, 60)
        : minute + random.integer(1, 600);
      reports.push(
        withResolution(
          incident({
            deploymentId: id,
            environment,
            openedAt: iso(opened),
            ...(random.chance(0.05) && {
              entityRef: entityRef('svc-elsewhere'),
            }),
            ...(random.chance(0.05) && { environment: 'staging' }),
          }),
          opened,
        ),
      );
    }
    if (random.chance(0.25)) {
      // an incident that names nothing, somewhere after the deployment;
      // now and then exactly on a boundary
      const w = attributionMs / MINUTE;
      const b = random.next();
      let opened: number;
      if (b < 0.1) {
        opened = minute + w; // exactly at the end of the attribution window
      } else if (b < 0.13 && next) {
        opened = next.minute; // exactly when the next one finished
      } else if (b < 0.16) {
        opened = minute; // exactly when it finished
      } else {
        opened = minute + random.integer(1, Math.round(2 * w));
      }
      reports.push(
        withResolution(
          incident({ environment, openedAt: iso(opened) }),
          opened,
        ),
      );
    }
  });
  if (random.chance(0.3)) {
    // a staging incident, and incidents naming what is no deployment
    const opened = t - random.integer(0, 3000);
    reports.push([incident({ environment: 'staging', openedAt: iso(opened) })]);
    reports.push([
      incident({
        deploymentId: random.chance(0.5)
          ? 'no-such-deployment'
          : `${entity.name}-p0-staging`,
        openedAt: iso(opened + 1),
      }),
    ]);
  }
}
