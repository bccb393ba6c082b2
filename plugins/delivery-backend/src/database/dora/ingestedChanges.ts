/** A changed deployment as it is stored now: what DORA reads of it. */
export interface StoredDeployment {
  id: string;
  entityRef: string;
  environment: string;
  status: string;
  trigger: string;
  finishedAt: number | null;
  /** Its head commit if it lists no commits (then that is what it brings), else null. */
  headCommitSha: string | null;
}

/** What one ingestion changed in the raw tables. */
export interface IngestedChanges {
  /** The deployments inserted or replaced. */
  deploymentIds: string[];
  /**
   * Those deployments as stored now, when the caller has them at hand (the
   * ingestion does); else they are read from the raw tables.
   */
  storedDeployments?: StoredDeployment[];
  /**
   * Of those, the ones stored before this change (replaced, not inserted);
   * when left out, any of them may have been.
   */
  replacedDeploymentIds?: string[];
  /** The commits that replaced deployments listed before they were replaced. */
  replacedCommits: Array<{ deploymentId: string; sha: string }>;
  /** The commits the inserted or replaced deployments list now. */
  listedCommits: Array<{
    deploymentId: string;
    sha: string;
    committedAt: number;
  }>;
  /** The incidents inserted or replaced. */
  incidentIds: string[];
}

/** Epoch milliseconds, as the database driver answers them. */
export type Millis = number | string;

/** A changed deployment's place in its environment's production history before the change. */
export interface ProductionDeploymentBefore {
  deployment_id: string;
  entity_ref: string;
  environment: string;
  head_commit_sha: string | null;
  predecessor_id: string | null;
  predecessor_finished_at: Millis | null;
  next_finished_at: Millis | null;
}

/** A changed deployment's place in its environment's production history after the change. */
export interface ProductionDeploymentAfter {
  deployment_id: string;
  entity_ref: string;
  environment: string;
  finished_at: Millis;
  trigger: string;
  head_commit_sha: string | null;
  predecessor_id: string | null;
  predecessor_finished_at: Millis | null;
  successor_id: string | null;
  successor_finished_at: Millis | null;
  successor_trigger: string | null;
}
