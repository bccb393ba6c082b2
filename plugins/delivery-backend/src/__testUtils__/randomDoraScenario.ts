import {
  DeliveryEvent,
  DeploymentEvent,
  IncidentEvent,
} from '@internal/backstage-plugin-delivery-common';
import { SeededRandom } from '@internal/backstage-plugin-delivery-node';
import { RefSettings } from './referenceDora';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 2026-03-02T00:00Z; the histories run to mid-April, across the EU summer-time switch. */
const BASE = Date.UTC(2026, 2, 2);
const iso = (minutes: number) =>
  new Date(BASE + minutes * MINUTE).toISOString();
const isoDate = (day: number) => iso(day * 24 * 60).slice(0, 10);

/** A seeded random delivery history and the windows to compare DORA over. */
export interface Scenario {
  seed: number;
  settings: RefSettings & { incidentAttributionWindowMs: number };
  entities: { name: string; owner: string }[];
  /** The events in arrival order, split into the batches they are sent in. */
  batches: DeliveryEvent[][];
  windows: { from: string; to: string; timeZone?: string }[];
}

export const entityRef = (name: string) => `component:default/${name}`;

/**
 * A random delivery history with DORA's edge cases: shared and head-only
 * commits, explicit, unattributed, open and early incidents, duplicate ids and
 * status updates, rollbacks and hotfixes, sent shuffled in several batches.
 */
export function generate(seed: number): Scenario {
  const random = new SeededRandom(seed);
  const production = random.chance(0.3) ? ['prod', 'prod-eu'] : ['prod'];
  const attributionMs = random.pick([DAY, DAY, 6 * HOUR, 90 * MINUTE]);
  const entityCount = random.integer(1, 3);
  const entities = Array.from({ length: entityCount }, (_, k) => ({
    name: `svc-${k}`,
    owner: k % 2 === 0 ? 'group:default/team-a' : 'group:default/team-b',
  }));

  // Each event with the reports of it, in the order they are sent (the later
  // reports of one event keep their order; different events interleave).
  const reports: DeliveryEvent[][] = [];
  let shaCounter = 0;
  const newSha = () => `c${seed}-${shaCounter++}`;
  /** Every commit time, for a head commit that some event lists. */
  const commitTimes = new Map<string, number>();
  const listCommit = (sha: string) => ({
    sha,
    committedAt: iso(commitTimes.get(sha)!),
  });
  const makeCommit = (beforeMinute: number) => {
    const sha = newSha();
    commitTimes.set(sha, beforeMinute - random.integer(1, 3 * 24 * 60));
    return sha;
  };
  const otherEntityShas: string[] = [];

  for (const entity of entities) {
    const ref = entityRef(entity.name);
    const count = random.integer(5, 25);
    let t = random.integer(-4 * 24 * 60, 2 * 24 * 60);
    let previous: string[] = [];
    const prodFinished: { id: string; minute: number }[] = [];
    const deployment = (
      id: string,
      overrides: Partial<DeploymentEvent>,
    ): DeploymentEvent => ({
      type: 'deployment',
      id,
      entityRef: ref,
      environment: 'prod',
      version: id,
      commitSha: newSha(),
      status: 'succeeded',
      trigger: 'pipeline',
      startedAt: iso(t - 5),
      finishedAt: iso(t),
      ...overrides,
    });

    for (let i = 0; i < count; i++) {
      // now and then at the very same time as the entity's previous one
      t += random.chance(0.03)
        ? 0
        : Math.max(
            1,
            Math.round(
              random.pick([5, 30, 120, 600, 1440, 2880]) *
                random.between(0.2, 1.6),
            ),
          );
      const id = `${entity.name}-p${i}`;
      const environment =
        production.length > 1 && random.chance(0.3) ? 'prod-eu' : 'prod';
      let trigger: DeploymentEvent['trigger'] = 'rollback';
      if (!random.chance(0.12)) {
        trigger = random.chance(0.09)
          ? 'hotfix'
          : random.pick(['pipeline', 'promotion'] as const);
      }

      // The commits it brings: new ones, some of the previous deployment's
      // again, now and then another entity's; or none but a head commit that
      // another event lists (or that nobody lists).
      let commits: DeploymentEvent['commits'];
      let commitSha: string;
      const r = random.next();
      if (r < 0.12) {
        // head commit known from a staging deployment (of this entity or,
        // rarely, another one)
        commitSha = makeCommit(t);
        const stagingAt = t - random.integer(1, 600);
        reports.push([
          {
            ...deployment(`${id}-staging`, {
              environment: 'staging',
              commitSha,
              commits: [listCommit(commitSha)],
              startedAt: iso(stagingAt - 5),
              finishedAt: iso(stagingAt),
            }),
            ...(random.chance(0.2) && {
              entityRef: entityRef('svc-elsewhere'),
            }),
          },
        ]);
        commits = random.chance(0.5) ? undefined : [];
        previous = [commitSha]; // the next one may list it again
      } else if (r < 0.17) {
        commitSha =
          random.chance(0.5) || previous.length === 0
            ? newSha() // nobody lists it
            : random.pick(previous); // deployed before
        commits = random.chance(0.5) ? undefined : [];
      } else {
        const now = t;
        const fresh = Array.from({ length: random.integer(1, 3) }, () =>
          makeCommit(now),
        );
        const again = previous.filter(() => random.chance(0.35));
        const foreign =
          otherEntityShas.length > 0 && random.chance(0.08)
            ? [random.pick(otherEntityShas)]
            : [];
        const shas = [...new Set([...again, ...foreign, ...fresh])];
        commits = shas.map(listCommit);
        commitSha = shas[shas.length - 1];
        if (random.chance(0.02)) {
          commits.push(listCommit(shas[0])); // listed twice
        }
        if (random.chance(0.04)) {
          // a head commit that it does not list, known from a dev deployment
          commitSha = makeCommit(t);
          reports.push([
            deployment(`${id}-head`, {
              environment: 'dev',
              commitSha,
              commits: [listCommit(commitSha)],
              finishedAt: iso(t - 1),
            }),
          ]);
        }
        if (random.chance(0.03)) {
          // another event that gives one of its commits another time
          reports.push([
            deployment(`${id}-other-time`, {
              environment: 'dev',
              commits: [
                {
                  sha: shas[0],
                  committedAt: iso(
                    commitTimes.get(shas[0])! + random.integer(-600, 600),
                  ),
                },
              ],
              finishedAt: iso(t - 2),
            }),
          ]);
        }
        if (random.chance(0.02)) {
          // a commit made after the deployment finished (a clock skew)
          const sha = newSha();
          commitTimes.set(sha, t + random.integer(1, 30));
          commits.push(listCommit(sha));
        }
        previous = fresh;
        otherEntityShas.push(...fresh);
      }

      const final = deployment(id, {
        environment,
        trigger,
        commitSha,
        ...(commits !== undefined && { commits }),
      });
      const versions: DeliveryEvent[] = [];
      if (random.chance(0.03)) {
        // first reported for another environment (or entity)
        versions.push({
          ...final,
          ...(random.chance(0.5)
            ? { environment: 'staging' }
            : { entityRef: entityRef('svc-elsewhere') }),
        });
      }
      // earlier reports: running (never replaces the finished one), or a
      // finished report with a wrong time that the final one corrects
      const running: DeliveryEvent = {
        ...final,
        status: 'in_progress',
        finishedAt: undefined,
        commits: random.chance(0.5) ? [] : final.commits,
      };
      const lateRunning = random.chance(0.1);
      if (!lateRunning && random.chance(0.25)) {
        versions.push(running);
      }
      if (random.chance(0.05)) {
        versions.push({
          ...final,
          finishedAt: new Date(
            BASE +
              (t + random.integer(-300, 300) * random.pick([1, 1, 10])) *
                MINUTE +
              17_000,
          ).toISOString(),
          trigger: random.pick(['pipeline', 'rollback', 'hotfix'] as const),
        });
      }
      versions.push(final);
      if (random.chance(0.08)) {
        versions.push(final); // sent twice
      }
      if (lateRunning) {
        versions.push(running); // a late running report: ignored
      }
      // sometimes corrected to failed afterwards
      const correctedToFailed = random.chance(0.04);
      if (correctedToFailed) {
        versions.push({ ...final, status: 'failed' });
      }
      reports.push(versions);
      if (!correctedToFailed) {
        prodFinished.push({ id, minute: t });
      }

      // production deployments that are no deployment: failed, cancelled,
      // still running; and non-production ones
      if (random.chance(0.15)) {
        const at = t + random.integer(1, 20);
        const sha = makeCommit(at);
        reports.push([
          deployment(`${id}-x`, {
            status: random.pick(['failed', 'cancelled'] as const),
            trigger: random.pick(['pipeline', 'rollback', 'hotfix'] as const),
            commitSha: sha,
            commits: [listCommit(sha)],
            startedAt: iso(at - 5),
            finishedAt: iso(at).replace('.000Z', '.500Z'),
          }),
        ]);
        previous = [...previous, sha];
      }
      if (random.chance(0.05)) {
        reports.push([
          deployment(`${id}-running`, {
            status: 'in_progress',
            trigger: random.pick(['pipeline', 'rollback'] as const),
            finishedAt: undefined,
          }),
        ]);
      }
      if (random.chance(0.1)) {
        const at = t + random.integer(1, 60);
        reports.push([
          deployment(`${id}-dev`, {
            environment: random.pick(['dev', 'staging']),
            trigger: random.pick(['pipeline', 'rollback', 'hotfix'] as const),
            commits: [listCommit(makeCommit(at))],
            startedAt: iso(at - 5),
            finishedAt: iso(at).replace('.000Z', '.250Z'),
          }),
        ]);
      }
    }

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
    prodFinished.forEach(({ id, minute }, k) => {
      const next = prodFinished[k + 1];
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
          withResolution(incident({ openedAt: iso(opened) }), opened),
        );
      }
    });
    if (random.chance(0.3)) {
      // a staging incident, and incidents naming what is no deployment
      const opened = t - random.integer(0, 3000);
      reports.push([
        incident({ environment: 'staging', openedAt: iso(opened) }),
      ]);
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

  // Arrival: a random interleaving that keeps each event's reports in order
  // (the record rules make the result depend on it), then batches.
  const queues = reports.map(versions => [...versions]);
  const arrival: DeliveryEvent[] = [];
  while (queues.length > 0) {
    const index = random.integer(0, queues.length - 1);
    arrival.push(queues[index].shift()!);
    if (queues[index].length === 0) {
      queues.splice(index, 1);
    }
  }
  // (now and then every event on its own, as one-at-a-time pushes)
  let batches: DeliveryEvent[][] = arrival.map(event => [event]);
  if (!random.chance(0.05)) {
    const cuts = Array.from({ length: random.integer(0, 4) }, () =>
      random.integer(0, arrival.length),
    ).sort((a, b) => a - b);
    batches = [];
    let start = 0;
    for (const cut of [...cuts, arrival.length]) {
      batches.push(arrival.slice(start, cut));
      start = cut;
    }
  }

  // Windows that cut through the history: whole UTC days, local days in
  // Berlin (across the summer-time switch) and odd hours.
  const windows: Scenario['windows'] = [];
  for (let w = 0; w < 2; w++) {
    const firstDay = random.integer(-3, 30);
    const length = random.integer(1, 20);
    const kind = random.next();
    if (kind < 0.6) {
      windows.push({ from: isoDate(firstDay), to: isoDate(firstDay + length) });
    } else if (kind < 0.8) {
      windows.push({
        from: isoDate(firstDay),
        to: isoDate(firstDay + length),
        timeZone: 'Europe/Berlin',
      });
    } else {
      const fromHour = firstDay * 24 + random.integer(0, 23);
      windows.push({
        from: iso(fromHour * 60),
        to: iso((fromHour + random.integer(1, 24 * length)) * 60),
        ...(random.chance(0.5) && { timeZone: 'Europe/Berlin' }),
      });
    }
  }

  return {
    seed,
    settings: {
      productionEnvironments: production,
      incidentAttributionWindowMs: attributionMs,
    },
    entities,
    batches,
    windows,
  };
}
