import { DeploymentTrigger } from '@domain-delivery/backstage-plugin-delivery-common';
import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';
import { Range } from './deliveryProfiles';
import { Release, ReleaseCoverage } from './ReleaseLine';
import { SimulatedDeployment } from './simulatedHistory';

/** What the simulation knows of one environment. */
export interface EnvironmentState extends ReleaseCoverage {
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

/** Starts a rollout of a release into an environment at a time. */
export type StartDeployment = (
  environment: EnvironmentState,
  release: Release,
  trigger: DeploymentTrigger,
  at: number,
  actor: string | undefined,
) => SimulatedDeployment;

/** A duration drawn from a range given in `unit`s, in milliseconds. */
export function inRange(
  random: SeededRandom,
  [min, max]: Range,
  unit: number,
): number {
  return random.between(min, max) * unit;
}
