import { DeploymentTrigger } from '@domain-delivery/backstage-plugin-delivery-common';
import { DeliveryProfile } from './deliveryProfiles';

/** A commit of the simulated history; times are epoch milliseconds. */
export interface SimulatedCommit {
  sha: string;
  committedAt: number;
}

/** A rollout of the simulated history; times are epoch milliseconds. */
export interface SimulatedDeployment {
  id: string;
  environment: string;
  version: string;
  commitSha: string;
  commits: SimulatedCommit[];
  /** The final status; whether it was reached by the end is decided later. */
  status: 'succeeded' | 'failed';
  trigger: DeploymentTrigger;
  startedAt: number;
  finishedAt: number;
  /** The deployment's number in its environment, for links. */
  number: number;
  actor?: string;
  /** Whether the reporter sent an `in_progress` event before the final one. */
  reportedInProgress: boolean;
}

/** An incident of the simulated history; times are epoch milliseconds. */
export interface SimulatedIncident {
  id: string;
  environment: string;
  openedAt: number;
  /** Infinity until the remedy has been simulated. */
  resolvedAt: number;
  deploymentId?: string;
}

/** What to simulate. */
export interface SimulationOptions {
  /** Seeds the random stream. */
  entityRef: string;
  /** Prefix of every id, e.g. `demo-payments-api`. */
  idPrefix: string;
  /** The environments in promotion order. */
  environments: Array<{ name: string; production: boolean }>;
  profile: DeliveryProfile;
  /** Where the simulation starts; everything runs the initial version then. */
  start: number;
  /** Nothing later than this is simulated. */
  until: number;
}

/** Rounds epoch milliseconds to the second, as CI systems report times. */
export function roundToSecond(time: number): number {
  return Math.round(time / 1000) * 1000;
}
