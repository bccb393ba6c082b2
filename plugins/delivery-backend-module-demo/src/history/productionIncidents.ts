import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';
import { DeliveryProfile } from './deliveryProfiles';
import { Release, ReleaseLine } from './ReleaseLine';
import {
  EnvironmentState,
  inRange,
  StartDeployment,
} from './simulatedEnvironment';
import {
  SimulatedDeployment,
  SimulatedIncident,
  roundToSecond,
} from './simulatedHistory';
import { TimeQueue } from './TimeQueue';
import { MINUTE } from './workingHours';

/**
 * What happens after a production deployment: whether the new version
 * misbehaves, the incidents it causes, and their remedies (rollback, hotfix,
 * or a fix without a deployment).
 */
export class ProductionIncidents {
  readonly incidents: SimulatedIncident[] = [];

  constructor(
    private readonly options: {
      random: SeededRandom;
      profile: DeliveryProfile;
      team: string[];
      releases: ReleaseLine;
      queue: TimeQueue;
      idPrefix: string;
      startDeployment: StartDeployment;
    },
  ) {}

  /** Whether the new production version misbehaves, and what follows. */
  watch(
    environment: EnvironmentState,
    deployment: SimulatedDeployment,
    release: Release,
  ) {
    const { random, profile, queue } = this.options;
    const { incidentRate, silentRollbackRate } = profile;
    const roll = random.next();
    if (roll < incidentRate) {
      environment.remedyPending = true;
      const openedAt =
        deployment.finishedAt + inRange(random, [5, 240], MINUTE);
      queue.schedule(openedAt, at =>
        this.openIncident(environment, deployment, release, at),
      );
    } else if (roll < incidentRate + silentRollbackRate) {
      // Caught by the rollout's own checks: rolled back without an incident.
      environment.remedyPending = true;
      const rollbackAt =
        deployment.finishedAt + inRange(random, [15, 90], MINUTE);
      queue.schedule(rollbackAt, at => this.rollBack(environment, release, at));
    }
  }

  private openIncident(
    environment: EnvironmentState,
    deployment: SimulatedDeployment,
    release: Release,
    openedAt: number,
  ) {
    const { random, profile, queue, releases, team } = this.options;
    const incident: SimulatedIncident = {
      id: `${this.options.idPrefix}-${environment.name}-incident-${
        this.incidents.length + 1
      }`,
      environment: environment.name,
      openedAt,
      resolvedAt: Number.POSITIVE_INFINITY,
      deploymentId: random.chance(0.5) ? deployment.id : undefined,
    };
    this.incidents.push(incident);
    const { remedy, remedyMinutes } = profile;
    const choice = random.next();
    if (choice < remedy.rollback) {
      const rollbackAt = openedAt + inRange(random, [10, 40], MINUTE);
      queue.schedule(rollbackAt, at => {
        const done = this.rollBack(environment, release, at);
        incident.resolvedAt = roundToSecond(
          done.finishedAt + inRange(random, [5, 25], MINUTE),
        );
      });
    } else if (choice < remedy.rollback + remedy.hotfix) {
      const hotfixAt = openedAt + inRange(random, remedyMinutes.hotfix, MINUTE);
      queue.schedule(hotfixAt, at => {
        const fix = releases.cut(at, true, openedAt + 5 * MINUTE);
        const actor = random.pick(team);
        const done = this.options.startDeployment(
          environment,
          fix,
          'hotfix',
          at,
          actor,
        );
        incident.resolvedAt = roundToSecond(
          done.finishedAt + inRange(random, [5, 30], MINUTE),
        );
      });
    } else {
      // Fixed without a deployment (scaled up, a flag switched off, ...):
      // mostly quickly, sometimes after hours.
      const [min, max] = remedyMinutes.fix;
      const minutes = min + random.next() ** 2 * (max - min);
      incident.resolvedAt = roundToSecond(openedAt + minutes * MINUTE);
      queue.schedule(incident.resolvedAt, () => {
        environment.remedyPending = false;
      });
    }
  }

  /** Redeploys the version that ran before the bad one. */
  private rollBack(environment: EnvironmentState, bad: Release, at: number) {
    const { random, releases, team } = this.options;
    releases.markRolledBack(bad);
    const target = environment.previous ?? environment.running;
    const actor = random.pick(team);
    return this.options.startDeployment(
      environment,
      target,
      'rollback',
      at,
      actor,
    );
  }
}
