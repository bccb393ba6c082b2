import { Deployment, DeploymentCommit, DeploymentStatus } from './deployment';

/**
 * An event of a `POST /events` batch that was not stored, and why.
 *
 * @public
 */
export interface RejectedEvent {
  /** The event's position in the batch (0 for a single object). */
  index: number;
  /** The event's id, when it had a usable one. */
  id?: string;
  /** The offending field, e.g. `finishedAt` or `commits[2].committedAt`. */
  field: string;
  /** What is wrong with it. */
  reason: string;
}

/**
 * The answer to `POST /events`: which events were stored and which were not.
 *
 * @public
 */
export interface EventIngestionResult {
  /** The ids of the events that were valid and stored. */
  accepted: string[];
  /** The events that were refused, each with the field and the reason. */
  rejected: RejectedEvent[];
}

/**
 * The name, title and production flag of a configured environment.
 *
 * @public
 */
export interface EnvironmentSummary {
  name: string;
  title: string;
  production: boolean;
}

/**
 * The version an entity runs in an environment.
 *
 * @public
 */
export interface RunningVersion {
  /** The version. */
  version: string;
  /**
   * Since when it runs, ISO 8601: the end of its first successful deployment
   * after another version ran (redeploying the same version does not reset it).
   */
  since: string;
  /** The latest successful deployment, the one behind what runs now. */
  deployment: Deployment;
}

/**
 * A version that succeeded in an environment but not yet in the next one.
 *
 * @public
 */
export interface MissingVersion {
  /** The version. */
  version: string;
  /** Its latest successful deployment in the environment. */
  deploymentId: string;
  /** When that deployment finished, ISO 8601. */
  finishedAt: string;
}

/**
 * What the next environment in the promotion chain is missing relative to
 * this one.
 *
 * @public
 */
export interface NextEnvironmentStatus {
  /** The next environment's name. */
  environment: string;
  /** The version running there, if any. */
  version?: string;
  /** What succeeded here after the version running there. */
  missing: {
    /** The versions, newest first. */
    versions: MissingVersion[];
    /** Their commits, deduplicated, newest first. */
    commits: DeploymentCommit[];
  };
}

/**
 * The state of one environment of an entity.
 *
 * @public
 */
export interface EnvironmentStatus {
  /** The environment. */
  environment: EnvironmentSummary;
  /** What runs there; absent when nothing has succeeded there yet. */
  current?: RunningVersion;
  /** The next environment and what it is missing; absent for the last one. */
  next?: NextEnvironmentStatus;
}

/**
 * The answer to `GET /entities/{kind}/{namespace}/{name}/environments`.
 *
 * @public
 */
export interface EntityEnvironments {
  /** The entity, `kind:namespace/name`. */
  entityRef: string;
  /** The entity's environments, in promotion order. */
  items: EnvironmentStatus[];
}

/**
 * One page of `GET /deployments`, newest first.
 *
 * @public
 */
export interface DeploymentPage {
  /** The deployments on this page. */
  items: Deployment[];
  /** Pass as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
}

/**
 * One component in one environment of a domain matrix.
 *
 * @public
 */
export interface DomainMatrixCell {
  /** The environment name. */
  environment: string;
  /** The version running there (latest successful deployment), if any. */
  version?: string;
  /** The deployment behind the running version. */
  deploymentId?: string;
  /** When that deployment finished, ISO 8601. */
  finishedAt?: string;
  /** The status of the latest deployment there, whatever its outcome. */
  status?: DeploymentStatus;
  /** The latest deployment, when it is not the one behind the running version. */
  latest?: { deploymentId: string; version: string; status: DeploymentStatus };
  /** Whether the version differs from the previous environment that runs one. */
  drift: boolean;
}

/**
 * One component of a domain matrix.
 *
 * @public
 */
export interface DomainMatrixRow {
  /** The component, `component:namespace/name`. */
  entityRef: string;
  /** The component's title, if it has one. */
  title?: string;
  /** The system it belongs to, `system:namespace/name`. */
  system: string;
  /** Whether its environments run different versions. */
  drift: boolean;
  /** One cell per configured environment, in promotion order. */
  cells: DomainMatrixCell[];
}

/**
 * The answer to `GET /domains/{namespace}/{name}/matrix`.
 *
 * @public
 */
export interface DomainMatrix {
  /** The domain, `domain:namespace/name`. */
  domainRef: string;
  /** The configured environments, in promotion order. */
  environments: EnvironmentSummary[];
  /** One row per component of the domain, by entity ref. */
  rows: DomainMatrixRow[];
}
