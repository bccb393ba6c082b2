import {
  PipelineRunConclusion,
  PipelineRunEvent,
  PipelineRunStatus,
  PipelineTestSuiteEvent,
} from '@domain-delivery/backstage-plugin-delivery-common';

/** A stored pipeline run, as the events of its id left it. */
export interface PipelineRunRecord {
  id: string;
  entityRef: string;
  workflow: string;
  runAttempt: number;
  status: PipelineRunStatus;
  conclusion?: PipelineRunConclusion;
  branch?: string;
  defaultBranch?: string;
  commitSha?: string;
  startedAt: string;
  finishedAt?: string;
  url?: string;
  tests?: PipelineTestSuiteEvent[];
}

/** A pipeline run event not applied because its id belongs to another entity. */
export interface PipelineRunConflict {
  /** The event's position in the list given to the store. */
  index: number;
  id: string;
  /** The entity the id belongs to. */
  ownerEntityRef: string;
}

/** Which completed runs to read: those that finished in `[from, to)`. */
export interface PipelineRunWindow {
  /** None match when empty. */
  entityRefs: string[];
  /** Milliseconds. */
  from: number;
  to: number;
}

/**
 * Where pipeline runs are kept: one record per id. A later event with the
 * same id replaces the earlier one, except that a run that is not completed
 * never replaces a completed one. Each test suite an event reports replaces
 * that suite of the run, whatever its status; suites it leaves out stay.
 * An id belongs to the entity of its first event.
 */
export interface PipelineRunStore {
  /** Stores validated, normalised events atomically; answers the conflicts. */
  ingest(events: PipelineRunEvent[]): Promise<PipelineRunConflict[]>;

  /** The newest runs of these entities by `startedAt` (then id), at most `limit`. */
  listRuns(options: {
    entityRefs: string[];
    limit: number;
  }): Promise<PipelineRunRecord[]>;

  /** The completed runs that finished in the window, oldest first. */
  listCompletedRuns(window: PipelineRunWindow): Promise<PipelineRunRecord[]>;

  /**
   * Per entity and workflow, the latest completed run on the default branch
   * that finished before `before` (milliseconds) and counts for health: not
   * cancelled, skipped, neutral or stale.
   */
  latestDefaultBranchRuns(options: {
    entityRefs: string[];
    before: number;
  }): Promise<PipelineRunRecord[]>;
}
