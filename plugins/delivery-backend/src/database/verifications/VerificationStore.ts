import {
  VerificationCheck,
  VerificationState,
} from '@domain-delivery/backstage-plugin-delivery-common';

/** One check of a verification, with what it needs to carry on. */
export interface CheckProgress extends VerificationCheck {
  /** When it is due again, ISO 8601; absent once it has passed or failed. */
  dueAt?: string;
  /** HTTP: the good answers in a row so far. */
  successes?: number;
  /** Prometheus: since when the query has stayed on the right side. */
  holdingSince?: string;
}

/** The verification of one deployment, as stored. */
export interface VerificationRecord {
  deploymentId: string;
  entityRef: string;
  environment: string;
  version: string;
  state: VerificationState;
  reason?: string;
  checks: CheckProgress[];
  startedAt: string;
  finishedAt?: string;
  /** When a running verification is due again. */
  nextCheckAt?: string;
  /** After a failure, until its incident, rollback and notifications are done. */
  followUp?: 'pending' | 'done';
  incidentId?: string;
  incidentResolvedAt?: string;
  rollbackPromotionId?: string;
}

/** A verification claimed by this replica, and the token that holds it. */
export interface ClaimedVerification {
  verification: VerificationRecord;
  claimToken: string;
}

/** When verifications are due and claims stale, ISO 8601. */
export interface DueQuery {
  now: string;
  staleBefore: string;
}

/** Where deployment verifications are kept. */
export interface VerificationStore {
  /** Stores new verifications; one that is stored already stays as it is. */
  start(verifications: VerificationRecord[]): Promise<void>;

  /** The verifications of these deployments that exist, by deployment id. */
  get(deploymentIds: string[]): Promise<Map<string, VerificationRecord>>;

  /**
   * The verifications that are due (running and due, or failed with a
   * follow-up pending) and that no one holds, or whose holder has held them
   * since before `staleBefore`; earliest due first.
   */
  listDue(options: DueQuery & { limit: number }): Promise<string[]>;

  /**
   * Claims the verification, atomically, if it is still due and free as
   * {@link VerificationStore.listDue} tells; undefined when another caller
   * holds it or it is not due any more.
   */
  claim(
    deploymentId: string,
    options: DueQuery,
  ): Promise<ClaimedVerification | undefined>;

  /**
   * Saves the verification while the claim holds it; with `release`, lets go
   * of it. False when the claim was lost.
   */
  save(
    verification: VerificationRecord,
    claimToken: string,
    options: { release: boolean },
  ): Promise<boolean>;

  /** The verifications of the version's deployments into the environment, newest first. */
  listForVersion(
    entityRef: string,
    environment: string,
    version: string,
  ): Promise<VerificationRecord[]>;

  /** The failed verifications in the environment whose incident is still open. */
  listOpenIncidents(
    entityRef: string,
    environment: string,
  ): Promise<VerificationRecord[]>;

  /** Records that the incident of a failed verification was resolved. */
  resolveIncident(deploymentId: string, resolvedAt: string): Promise<void>;
}
