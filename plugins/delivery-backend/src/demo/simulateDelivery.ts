import { DeploymentTrigger } from '@internal/backstage-plugin-delivery-common';
import { DeliveryProfile, Range } from './deliveryProfiles';
import { drawDeliveryTeam } from './deliveryTeam';
import { Release, ReleaseCoverage, ReleaseLine } from './ReleaseLine';
import { SeededRandom } from './seededRandom';
import {
  SimulatedDeployment,
  SimulatedIncident,
  SimulationOptions,
  roundToSecond,
} from './simulatedHistory';
import { TimeQueue } from './TimeQueue';
import {
  DAY,
  HOUR,
  MINUTE,
  WorkingHours,
  nextWorkingTime,
  startOfUtcDay,
} from './workingHours';

// How long rollouts take, in minutes.
const ROLLOUT_MINUTES: Record<DeploymentTrigger, Range> = {
  pipeline: [3, 12],
  promotion: [4, 15],
  rollback: [2, 8],
  hotfix: [5, 15],
};

interface EnvironmentState extends ReleaseCoverage {
  name: string;
  production: boolean;
  running: Release;
  previous?: Release;
  succeeded: Array<{ release: Release; finishedAt: number }>;
  /** A rollout, or the retry of a failed one, is under way. */
  rolloutInFlight: boolean;
  /** An incident or a bad deployment waits for its remedy. */
  remedyPending: boolean;
  count: number;
}

class DeliverySimulation {
  private readonly random: SeededRandom;
  private readonly profile: DeliveryProfile;
  private readonly hours: WorkingHours;
  private readonly productionHours: WorkingHours;
  private readonly team: string[];
  private readonly releases: ReleaseLine;
  private readonly environments: EnvironmentState[];
  private readonly queue = new TimeQueue();
  private readonly deployments: SimulatedDeployment[] = [];
  private readonly incidents: SimulatedIncident[] = [];

  constructor(private readonly options: SimulationOptions) {
    const random = SeededRandom.fromString(options.entityRef);
    this.random = random;
    this.profile = options.profile;
    const team = drawDeliveryTeam(random);
    this.hours = team.hours;
    this.productionHours = team.productionHours;
    this.team = team.members;
    this.releases = new ReleaseLine(
      random,
      this.profile,
      this.hours,
      options.start,
    );
    const initial = this.releases.initial;
    this.environments = options.environments.map(({ name, production }) => ({
      name,
      production,
      running: initial,
      coveredSeq: initial.seq,
      deployedHotfixes: new Set(),
      succeeded: [{ release: initial, finishedAt: options.start - DAY }],
      rolloutInFlight: false,
      remedyPending: false,
      count: 0,
    }));
  }

  run() {
    const { start, until } = this.options;
    if (this.environments.length > 0) {
      const firstRelease = start + this.random.between(0, 2) * HOUR;
      this.queue.schedule(
        nextWorkingTime(firstRelease, this.hours, this.random),
        at => this.release(at),
      );
      for (let index = 1; index < this.environments.length; index++) {
        this.queue.schedule(this.nextPromotionTime(index, start), at =>
          this.promote(index, at),
        );
      }
    }
    this.queue.runUntil(until);
    return { deployments: this.deployments, incidents: this.incidents };
  }

  private isBusy(environment: EnvironmentState) {
    return environment.rolloutInFlight || environment.remedyPending;
  }

  private inRange([min, max]: Range, unit: number) {
    return this.random.between(min, max) * unit;
  }

  /** A pipeline run: a new version, deployed to the first environment. */
  private release(at: number) {
    const first = this.environments[0];
    if (this.isBusy(first)) {
      this.queue.schedule(at + 20 * MINUTE, next => this.release(next));
      return;
    }
    const earliest = at - this.profile.commitAgeHours * HOUR;
    const release = this.releases.cut(at, false, earliest);
    this.startDeployment(first, release, 'pipeline', at, undefined);
    const next = at + this.inRange(this.profile.releaseGapHours, HOUR);
    this.queue.schedule(nextWorkingTime(next, this.hours, this.random), time =>
      this.release(time),
    );
  }

  private startDeployment(
    environment: EnvironmentState,
    release: Release,
    trigger: DeploymentTrigger,
    at: number,
    actor: string | undefined,
  ): SimulatedDeployment {
    const failed =
      (trigger === 'pipeline' || trigger === 'promotion') &&
      this.random.chance(this.profile.failedRolloutRate);
    const duration = this.inRange(ROLLOUT_MINUTES[trigger], MINUTE);
    environment.count += 1;
    const deployment: SimulatedDeployment = {
      id: `${this.options.idPrefix}-${environment.name}-${environment.count}`,
      environment: environment.name,
      version: release.version,
      commitSha: release.headSha,
      commits:
        trigger === 'rollback'
          ? []
          : this.releases.commitsBrought(environment, release),
      status: failed ? 'failed' : 'succeeded',
      trigger,
      startedAt: at,
      finishedAt: roundToSecond(at + duration),
      number: environment.count,
      actor,
      reportedInProgress: this.random.chance(0.25),
    };
    this.deployments.push(deployment);
    environment.rolloutInFlight = true;
    this.queue.schedule(deployment.finishedAt, () =>
      this.finishDeployment(environment, deployment, release),
    );
    return deployment;
  }

  private finishDeployment(
    environment: EnvironmentState,
    deployment: SimulatedDeployment,
    release: Release,
  ) {
    const { trigger, actor, finishedAt } = deployment;
    if (deployment.status === 'failed') {
      // The environment stays blocked until the retry has run.
      const retryAt = finishedAt + this.inRange([10, 45], MINUTE);
      this.queue.schedule(retryAt, at =>
        this.startDeployment(environment, release, trigger, at, actor),
      );
      return;
    }
    environment.rolloutInFlight = false;
    environment.previous = environment.running;
    environment.running = release;
    environment.succeeded.push({ release, finishedAt });
    if (trigger === 'rollback' || trigger === 'hotfix') {
      if (trigger === 'hotfix') {
        this.releases.cover(environment, release);
      }
      environment.remedyPending = false;
      return;
    }
    this.releases.cover(environment, release);
    if (environment.production) {
      this.watchProduction(environment, deployment, release);
    }
  }

  /** Whether the new production version misbehaves, and what follows. */
  private watchProduction(
    environment: EnvironmentState,
    deployment: SimulatedDeployment,
    release: Release,
  ) {
    const { incidentRate, silentRollbackRate } = this.profile;
    const roll = this.random.next();
    if (roll < incidentRate) {
      environment.remedyPending = true;
      const openedAt = deployment.finishedAt + this.inRange([5, 240], MINUTE);
      this.queue.schedule(openedAt, at =>
        this.openIncident(environment, deployment, release, at),
      );
    } else if (roll < incidentRate + silentRollbackRate) {
      // Caught by the rollout's own checks: rolled back without an incident.
      environment.remedyPending = true;
      const rollbackAt = deployment.finishedAt + this.inRange([15, 90], MINUTE);
      this.queue.schedule(rollbackAt, at =>
        this.rollBack(environment, release, at),
      );
    }
  }

  private openIncident(
    environment: EnvironmentState,
    deployment: SimulatedDeployment,
    release: Release,
    openedAt: number,
  ) {
    const incident: SimulatedIncident = {
      id: `${this.options.idPrefix}-${environment.name}-incident-${
        this.incidents.length + 1
      }`,
      environment: environment.name,
      openedAt,
      resolvedAt: Number.POSITIVE_INFINITY,
      deploymentId: this.random.chance(0.5) ? deployment.id : undefined,
    };
    this.incidents.push(incident);
    const { remedy, remedyMinutes } = this.profile;
    const choice = this.random.next();
    if (choice < remedy.rollback) {
      const rollbackAt = openedAt + this.inRange([10, 40], MINUTE);
      this.queue.schedule(rollbackAt, at => {
        const done = this.rollBack(environment, release, at);
        incident.resolvedAt = roundToSecond(
          done.finishedAt + this.inRange([5, 25], MINUTE),
        );
      });
    } else if (choice < remedy.rollback + remedy.hotfix) {
      const hotfixAt = openedAt + this.inRange(remedyMinutes.hotfix, MINUTE);
      this.queue.schedule(hotfixAt, at => {
        const fix = this.releases.cut(at, true, openedAt + 5 * MINUTE);
        const actor = this.random.pick(this.team);
        const done = this.startDeployment(
          environment,
          fix,
          'hotfix',
          at,
          actor,
        );
        incident.resolvedAt = roundToSecond(
          done.finishedAt + this.inRange([5, 30], MINUTE),
        );
      });
    } else {
      // Fixed without a deployment (scaled up, a flag switched off, ...):
      // mostly quickly, sometimes after hours.
      const [min, max] = remedyMinutes.fix;
      const minutes = min + this.random.next() ** 2 * (max - min);
      incident.resolvedAt = roundToSecond(openedAt + minutes * MINUTE);
      this.queue.schedule(incident.resolvedAt, () => {
        environment.remedyPending = false;
      });
    }
  }

  /** Redeploys the version that ran before the bad one. */
  private rollBack(environment: EnvironmentState, bad: Release, at: number) {
    this.releases.markRolledBack(bad);
    const target = environment.previous ?? environment.running;
    const actor = this.random.pick(this.team);
    return this.startDeployment(environment, target, 'rollback', at, actor);
  }

  /** An attempt to promote the newest good version of the previous environment. */
  private promote(index: number, at: number) {
    const target = this.environments[index];
    const source = this.environments[index - 1];
    if (!this.isBusy(target)) {
      const { soakHours } = this.profile;
      const soak = target.production
        ? soakHours.production
        : soakHours.nonProduction;
      let candidate: Release | undefined;
      for (const { release, finishedAt } of source.succeeded.slice(-100)) {
        if (
          finishedAt <= at - soak * HOUR &&
          release.seq > target.running.seq &&
          !this.releases.isRolledBack(release) &&
          (!candidate || release.seq > candidate.seq)
        ) {
          candidate = release;
        }
      }
      if (candidate) {
        const actor = this.random.pick(this.team);
        this.startDeployment(target, candidate, 'promotion', at, actor);
      }
    }
    this.queue.schedule(this.nextPromotionTime(index, at), next =>
      this.promote(index, next),
    );
  }

  private nextPromotionTime(index: number, after: number): number {
    const { promotionGapHours, productionPromotionGapHours } = this.profile;
    if (this.environments[index].production) {
      const at = after + this.inRange(productionPromotionGapHours, HOUR);
      return nextWorkingTime(at, this.productionHours, this.random);
    }
    if (promotionGapHours === 'nightly') {
      // A scheduled job promotes the day's newest version every night.
      const minutes = 23 * 60 + 50 + this.random.between(0, 8);
      const tonight = startOfUtcDay(after) + minutes * MINUTE;
      return tonight > after + HOUR ? tonight : tonight + DAY;
    }
    const at = after + this.inRange(promotionGapHours, HOUR);
    return nextWorkingTime(at, this.hours, this.random);
  }
}

/**
 * Simulates one entity's delivery, event by event in time order, from `start`
 * to `until`. The result depends only on the options, never on the clock.
 */
export function simulateDelivery(options: SimulationOptions): {
  deployments: SimulatedDeployment[];
  incidents: SimulatedIncident[];
} {
  return new DeliverySimulation(options).run();
}
