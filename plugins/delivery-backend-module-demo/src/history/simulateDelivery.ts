import { DeploymentTrigger } from '@domain-delivery/backstage-plugin-delivery-common';
import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';
import { DeliveryProfile, Range } from './deliveryProfiles';
import { drawDeliveryTeam } from './deliveryTeam';
import { ProductionIncidents } from './productionIncidents';
import { nextPromotionTime, promotionCandidate } from './promotionSchedule';
import { Release, ReleaseLine } from './ReleaseLine';
import { EnvironmentState, inRange } from './simulatedEnvironment';
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
} from './workingHours';

// How long rollouts take, in minutes.
const ROLLOUT_MINUTES: Record<DeploymentTrigger, Range> = {
  pipeline: [3, 12],
  promotion: [4, 15],
  rollback: [2, 8],
  hotfix: [5, 15],
};

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
  private readonly production: ProductionIncidents;

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
    this.production = new ProductionIncidents({
      random,
      profile: this.profile,
      team: this.team,
      releases: this.releases,
      queue: this.queue,
      idPrefix: options.idPrefix,
      startDeployment: (environment, release, trigger, at, actor) =>
        this.startDeployment(environment, release, trigger, at, actor),
    });
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
    return {
      deployments: this.deployments,
      incidents: this.production.incidents,
    };
  }

  private isBusy(environment: EnvironmentState) {
    return environment.rolloutInFlight || environment.remedyPending;
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
    const next = at + inRange(this.random, this.profile.releaseGapHours, HOUR);
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
    const duration = inRange(this.random, ROLLOUT_MINUTES[trigger], MINUTE);
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
      const retryAt = finishedAt + inRange(this.random, [10, 45], MINUTE);
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
      this.production.watch(environment, deployment, release);
    }
  }

  /** An attempt to promote the newest good version of the previous environment. */
  private promote(index: number, at: number) {
    const target = this.environments[index];
    const source = this.environments[index - 1];
    if (!this.isBusy(target)) {
      const candidate = promotionCandidate(
        source,
        target,
        at,
        this.profile.soakHours,
        this.releases,
      );
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
    return nextPromotionTime(
      this.random,
      this.profile,
      { hours: this.hours, productionHours: this.productionHours },
      this.environments[index].production,
      after,
    );
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
