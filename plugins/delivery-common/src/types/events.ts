import {
  DeploymentCommit,
  DeploymentStatus,
  DeploymentTrigger,
} from './deployment';

/**
 * A deployment reported to `POST /api/delivery/events` (event API v1).
 *
 * @public
 */
export interface DeploymentEvent {
  type: 'deployment';
  /** Unique per deployment; ingestion is idempotent on it. */
  id: string;
  /** The deployed entity, e.g. `component:default/payments-api`. */
  entityRef: string;
  /** The environment name. */
  environment: string;
  /** The deployed version. */
  version: string;
  /** The head commit of the deployed version. */
  commitSha: string;
  /** The commits the deployment brought. */
  commits?: DeploymentCommit[];
  /** The deployment's state. */
  status: DeploymentStatus;
  /** What caused the deployment. */
  trigger: DeploymentTrigger;
  /** When the deployment started, ISO 8601. */
  startedAt: string;
  /** When the deployment finished, ISO 8601; expected unless in progress. */
  finishedAt?: string;
  /** A link to the run, pull request or Argo CD operation. */
  url?: string;
  /** Who or what caused it, e.g. `user:default/jdoe`. */
  actor?: string;
}

/**
 * An incident reported to `POST /api/delivery/events` (event API v1).
 *
 * @public
 */
export interface IncidentEvent {
  type: 'incident';
  /** Unique per incident; ingestion is idempotent on it. */
  id: string;
  /** The affected entity, e.g. `component:default/payments-api`. */
  entityRef: string;
  /** The environment name. */
  environment: string;
  /** When the incident opened, ISO 8601. */
  openedAt: string;
  /** When the incident was resolved, ISO 8601. */
  resolvedAt?: string;
  /** The deployment that caused it, when known. */
  deploymentId?: string;
  /** A link to the incident. */
  url?: string;
}

/**
 * Any event of the event API v1.
 *
 * @public
 */
export type DeliveryEvent = DeploymentEvent | IncidentEvent;
