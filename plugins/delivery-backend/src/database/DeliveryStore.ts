import {
  Deployment,
  DeploymentCommit,
  DeploymentEvent,
  DeploymentStatus,
  Incident,
  IncidentEvent,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { EventIdConflict } from './eventBatches';
import { EntityFilter } from './whereEntities';

/** A stored deployment without its commits (those are read separately). */
export type DeploymentRecord = Omit<Deployment, 'commits'>;

/** A position in the deployment history, which is ordered newest first. */
export interface HistoryPosition {
  /** `finishedAt`, or `startedAt` while in progress, ISO 8601. */
  at: string;
  /** The deployment id, which breaks ties. */
  id: string;
}

/** Which page of the deployment history to read. */
export interface DeploymentHistoryQuery extends EntityFilter {
  /** Only deployments in one of these statuses. */
  statuses?: DeploymentStatus[];
  /**
   * Only deployments that finished at or after this time, or are in progress
   * and started at or after it, ISO 8601.
   */
  since?: string;
  /** Only deployments strictly after this position (i.e. older). */
  after?: HistoryPosition;
  /** At most this many. */
  limit: number;
}

/** Which succeeded deployments of one entity in one environment to read. */
export interface SucceededDeploymentQuery {
  entityRef: string;
  environment: string;
  /** Only deployments of this version. */
  version?: string;
  /** Only deployments of any other version. */
  otherThanVersion?: string;
  /** Only deployments that finished strictly before this time, ISO 8601. */
  finishedBefore?: string;
  /** Only deployments that finished strictly after this time, ISO 8601. */
  finishedAfter?: string;
}

/** Which incidents to read; every filter left out matches all. */
export interface IncidentQuery extends EntityFilter {
  /** Only unresolved incidents (`true`) or only resolved ones (`false`). */
  open?: boolean;
}

/**
 * Told, once a batch is committed, of the entities and environments whose
 * deployments it stored or changed; must not throw.
 */
export type DeploymentsChangedListener = (
  changed: Array<{ entityRef: string; environment: string }>,
) => Promise<void> | void;

/**
 * Where deployments and incidents are kept.
 *
 * Event records: one per id; a later event with the same id replaces the
 * earlier one, except that an `in_progress` deployment event never replaces a
 * finished one, and an unresolved incident event never replaces a resolved
 * one (events may arrive in any order). A deployment's commits are those of the
 * event that won.
 */
/** The events of a batch that {@link DeliveryStore.ingest} did not apply, by kind. */
export type IngestConflicts = {
  deployments: EventIdConflict[];
  incidents: EventIdConflict[];
};

export interface DeliveryStore {
  /**
   * Stores validated, normalised events atomically: the whole batch or
   * nothing. Concurrent batches that carry the same ids never store an id
   * twice nor lose an accepted event. An event whose id is stored for another
   * entity or environment is not applied and comes back as a conflict.
   */
  ingest(
    deployments: DeploymentEvent[],
    incidents: IncidentEvent[],
  ): Promise<IngestConflicts>;

  /** The deployment history, newest first (by `finishedAt`, else `startedAt`, then id). */
  listDeployments(query: DeploymentHistoryQuery): Promise<DeploymentRecord[]>;

  /** The deployments with these ids that exist. */
  getDeployments(ids: string[]): Promise<DeploymentRecord[]>;

  /**
   * Per entity and environment, the latest deployment (by `finishedAt`, else
   * `startedAt`); with `succeededOnly`, the latest succeeded one, i.e. what
   * runs. Only the given environments are looked at.
   */
  getLatestDeployments(options: {
    entityRefs: string[];
    environments: string[];
    succeededOnly: boolean;
  }): Promise<DeploymentRecord[]>;

  /** Succeeded deployments matching the query, by `finishedAt`, newest first. */
  listSucceededDeployments(
    query: SucceededDeploymentQuery & {
      order?: 'newest' | 'oldest';
      limit: number;
    },
  ): Promise<DeploymentRecord[]>;

  /** The commits of each of these deployments, newest first. */
  getCommits(deploymentIds: string[]): Promise<Map<string, DeploymentCommit[]>>;

  /** Incidents matching the query, by `openedAt`, newest first. */
  listIncidents(query: IncidentQuery & { limit?: number }): Promise<Incident[]>;

  /** How many incidents match the query. */
  countIncidents(query: IncidentQuery): Promise<number>;
}
