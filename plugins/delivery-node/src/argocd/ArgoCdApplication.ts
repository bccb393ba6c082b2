/**
 * The parts of an Argo CD `Application` (as `GET /api/v1/applications/{name}`
 * answers it) that Domain Delivery reads.
 *
 * @public
 */
export interface ArgoCdApplication {
  /** The Kubernetes object's name, namespace and labels. */
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  /** Present while an operation (a sync) is requested or running. */
  operation?: unknown;
  /** What Argo CD observed: sync, health, history, the latest operation. */
  status?: {
    sync?: {
      /** `Synced`, `OutOfSync` or `Unknown`. */
      status?: string;
      revision?: string;
      revisions?: string[];
    };
    health?: {
      /** `Healthy`, `Progressing`, `Degraded`, `Suspended`, `Missing` or `Unknown`. */
      status?: string;
      message?: string;
      lastTransitionTime?: string;
    };
    /** The syncs that succeeded, oldest first. */
    history?: ArgoCdSyncHistoryEntry[];
    /** The latest operation, kept after it ends until the next one starts. */
    operationState?: {
      /** `Running`, `Terminating`, `Succeeded`, `Failed` or `Error`. */
      phase?: string;
      message?: string;
      startedAt?: string;
      finishedAt?: string;
      operation?: {
        sync?: { revision?: string; revisions?: string[] };
        initiatedBy?: { username?: string; automated?: boolean };
      };
      syncResult?: { revision?: string; revisions?: string[] };
    };
    summary?: { images?: string[]; externalURLs?: string[] };
    reconciledAt?: string;
  };
}

/**
 * One succeeded sync in an Argo CD application's history.
 *
 * @public
 */
export interface ArgoCdSyncHistoryEntry {
  /** Counts up per application. */
  id: number;
  /** The revision synced (one per source for multi-source applications). */
  revision?: string;
  revisions?: string[];
  /** What was synced: the repository, path and parameters (per source for multi-source applications). */
  source?: unknown;
  sources?: unknown[];
  /** When the sync started, as its operation's `startedAt`. */
  deployStartedAt?: string;
  /** When the sync ended. */
  deployedAt: string;
  /** A person's sync (`username`) or the automated sync policy's. */
  initiatedBy?: { username?: string; automated?: boolean };
}
