import { compare, inc } from 'semver';
import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';
import { SimulatedDeployment } from './simulatedHistory';
import { HOUR, MINUTE } from './workingHours';

// How long the version waiting for production must have run in the
// environment before it when the history ends: the demo's production soak time.
const SOAKED = HOUR;
// How long before the end of the history the waiting release is cut.
const LEAD = 4 * HOUR;
const ROLLOUT = 6 * MINUTE;
const GAP = 20 * MINUTE;

function running(deployments: SimulatedDeployment[], environment: string) {
  const succeeded = deployments.filter(
    d => d.environment === environment && d.status === 'succeeded',
  );
  const latest = succeeded[succeeded.length - 1];
  if (!latest) {
    return undefined;
  }
  // Running since the first of the latest deployments of that version.
  let since = latest.finishedAt;
  for (let i = succeeded.length - 1; i >= 0; i--) {
    if (succeeded[i].version !== latest.version) break;
    since = succeeded[i].finishedAt;
  }
  return { version: latest.version, since };
}

/**
 * A release waiting for production when the history ends, if the history
 * itself has none: cut four hours before the end and deployed through every
 * environment before production, so that a production promotion is possible
 * at any time of the following day (the demo's browser tests rely on it).
 *
 * @remarks
 * Its deployments keep their ids (`<prefix>-<environment>-waiting`) from one
 * day to the next, so that when the history is loaded again on a later day
 * the waiting release moves instead of piling up, like the ongoing incident.
 * Only non-production environments change, so DORA's numbers do not.
 */
export function waitingRelease(options: {
  /** The entity ref, seeding the release's commit. */
  entityRef: string;
  idPrefix: string;
  environments: Array<{ name: string; production: boolean }>;
  /** The entity's deployments that started before `end`, in start order. */
  deployments: SimulatedDeployment[];
  /** The end of the history. */
  end: number;
}): SimulatedDeployment[] {
  const { environments, end } = options;
  const productionIndex = environments.map(e => e.production).lastIndexOf(true);
  if (productionIndex < 1) {
    return [];
  }
  const finished = options.deployments
    .filter(d => d.finishedAt <= end)
    .sort((a, b) => a.finishedAt - b.finishedAt);
  const source = running(finished, environments[productionIndex - 1].name);
  const production = running(finished, environments[productionIndex].name);
  if (
    source &&
    (!production || compare(source.version, production.version) > 0) &&
    source.since <= end - SOAKED
  ) {
    return [];
  }

  const before = environments.slice(0, productionIndex);
  const lastRollout = Math.max(
    0,
    ...finished
      .filter(d => before.some(e => e.name === d.environment))
      .map(d => d.finishedAt),
  );
  const start = Math.max(end - LEAD, lastRollout + GAP);
  if (start + before.length * (ROLLOUT + GAP) - GAP > end - SOAKED) {
    return [];
  }

  const highest = options.deployments
    .map(d => d.version)
    .reduce((a, b) => (compare(a, b) >= 0 ? a : b));
  const version = inc(highest, 'patch')!;
  const random = SeededRandom.fromString(
    `${options.entityRef}#waiting#${version}`,
  );
  const commit = { sha: random.sha(), committedAt: start - 45 * MINUTE };

  return before.map((environment, index) => {
    const startedAt = start + index * (ROLLOUT + GAP);
    const previous = options.deployments.filter(
      d => d.environment === environment.name,
    );
    const promoter = previous
      .filter(d => d.trigger === 'promotion' && d.actor)
      .pop()?.actor;
    return {
      id: `${options.idPrefix}-${environment.name}-waiting`,
      environment: environment.name,
      version,
      commitSha: commit.sha,
      commits: [commit],
      status: 'succeeded',
      trigger: index === 0 ? 'pipeline' : 'promotion',
      startedAt,
      finishedAt: startedAt + ROLLOUT,
      number: previous.length + 1,
      actor: index === 0 ? undefined : promoter,
      reportedInProgress: false,
    };
  });
}
