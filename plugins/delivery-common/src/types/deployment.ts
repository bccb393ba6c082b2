/**
 * The state of a deployment.
 *
 * @public
 */
export type DeploymentStatus =
  | 'in_progress'
  | 'succeeded'
  | 'failed'
  | 'cancelled';

/**
 * What caused a deployment.
 *
 * @public
 */
export type DeploymentTrigger =
  | 'pipeline'
  | 'promotion'
  | 'rollback'
  | 'hotfix';

/**
 * A commit that a deployment brought.
 *
 * @public
 */
export interface DeploymentCommit {
  /** The commit SHA. */
  sha: string;
  /** When the commit was made, ISO 8601. */
  committedAt: string;
}

/**
 * One rollout of one version of one catalog entity to one environment.
 *
 * @public
 */
export interface Deployment {
  /** The reporter's unique id; events with the same id update this record. */
  id: string;
  /** The deployed entity, `kind:namespace/name`. */
  entityRef: string;
  /** The environment name. */
  environment: string;
  /** The deployed version. */
  version: string;
  /** The head commit of the deployed version. */
  commitSha: string;
  /** The commits the deployment brought (may be empty). */
  commits: DeploymentCommit[];
  /** The deployment's state. */
  status: DeploymentStatus;
  /** What caused the deployment. */
  trigger: DeploymentTrigger;
  /** When the deployment started, ISO 8601. */
  startedAt: string;
  /** When the deployment finished, ISO 8601; absent while in progress. */
  finishedAt?: string;
  /** A link to the run, pull request or Argo CD operation. */
  url?: string;
  /** Who or what caused it, e.g. `user:default/jdoe`. */
  actor?: string;
}
