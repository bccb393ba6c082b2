import {
  DeliveryEvent,
  DeploymentEvent,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  BASE,
  MINUTE,
  RandomHistory,
  entityRef,
  iso,
} from './randomDoraHistory';

/** A production deployment that finished, for the incidents to follow it. */
export interface FinishedDeployment {
  id: string;
  environment: string;
  minute: number;
}

/**
 * An entity's random deployments: shared and head-only commits, duplicate ids
 * and status updates, rollbacks and hotfixes, and deployments that are none
 * (failed, cancelled, running, not in production).
 */
export function randomDeployments(
  history: RandomHistory,
  entity: { name: string },
): { prodFinished: FinishedDeployment[]; lastMinute: number } {
  const { random, production, reports, newSha, commitTimes } = history;
  const { listCommit, makeCommit, otherEntityShas } = history;
  const ref = entityRef(entity.name);
  const count = random.integer(5, 25);
  let t = random.integer(-4 * 24 * 60, 2 * 24 * 60);
  let previous: string[] = [];
  const prodFinished: FinishedDeployment[] = [];
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
      production.length > 1 && random.chance(0.4) ? 'prod-eu' : 'prod';
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
            (t + random.integer(-300, 300) * random.pick([1, 1, 10])) * MINUTE +
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
      prodFinished.push({ id, environment, minute: t });
    }
    if (production.length > 1 && random.chance(0.3)) {
      // the same version rolled out to the other region too, a little later
      // (now and then at the very same time): its commits' lead time is
      // taken at the first of the two
      const twinAt = t + (random.chance(0.1) ? 0 : random.integer(1, 240));
      const twinEnvironment = environment === 'prod' ? 'prod-eu' : 'prod';
      const twinTrigger = random.chance(0.2)
        ? random.pick(['rollback', 'hotfix'] as const)
        : 'promotion';
      reports.push([
        deployment(`${id}-twin`, {
          environment: twinEnvironment,
          trigger: twinTrigger,
          commitSha,
          ...(commits !== undefined && { commits }),
          startedAt: iso(twinAt - 5),
          finishedAt: iso(twinAt),
        }),
      ]);
      prodFinished.push({
        id: `${id}-twin`,
        environment: twinEnvironment,
        minute: twinAt,
      });
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
  return { prodFinished, lastMinute: t };
}
