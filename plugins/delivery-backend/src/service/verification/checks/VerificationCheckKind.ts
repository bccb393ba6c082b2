import { Entity } from '@backstage/catalog-model';
import { CheckProgress } from '../../../database/verifications/VerificationStore';

/** The deployment being verified, as the checks see it. */
export interface VerifiedDeployment {
  entity: Entity;
  entityRef: string;
  environment: string;
  version: string;
  /** Revisions the deployment may be synced at: its commit and, for a promotion, its GitOps commit. */
  revisions: string[];
}

/** What one look at a check found. */
export type ProbeOutcome =
  | { outcome: 'passed'; progress?: string }
  | {
      outcome: 'waiting';
      reason: string;
      progress?: string;
      successes?: number;
      holdingSince?: string;
    }
  | { outcome: 'failed'; reason: string };

/** One kind of check: what it looks at, and one look at it. */
export interface VerificationCheckKind<TConfig> {
  kind: CheckProgress['kind'];
  /** What the check looks at, e.g. the URL, for people to read. */
  target(config: TConfig, deployment: VerifiedDeployment): string;
  /** Looks once; the check's progress so far tells what earlier looks found. */
  probe(
    config: TConfig,
    deployment: VerifiedDeployment,
    check: CheckProgress,
    now: Date,
  ): Promise<ProbeOutcome>;
}

/** How long one request of a check may take. */
export const REQUEST_TIMEOUT_MS = 10_000;
