/**
 * The parts of an Argo CD `Application` (as `GET /api/v1/applications/{name}`
 * answers it) that Domain Delivery reads.
 *
 * @public
 */
export interface ArgoCdApplication {
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  /** Present while an operation (a sync) is requested or running. */
  operation?: unknown;
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
  id: number;
  revision?: string;
  revisions?: string[];
  deployStartedAt?: string;
  deployedAt: string;
  initiatedBy?: { username?: string; automated?: boolean };
}
