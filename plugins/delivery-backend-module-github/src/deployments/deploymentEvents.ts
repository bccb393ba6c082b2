import type {
  DeploymentEvent,
  DeploymentTrigger,
  EventCommit,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { recordsOf } from '../eventIds';
import type { WebhookRepository } from '../githubRepository';
import { deploymentState, type DeploymentState } from './deploymentState';

// The golden path's workflows name a version by the first 12 characters of
// the commit, as their push events do.
const SHORT_SHA_LENGTH = 12;

const REPORTED_TRIGGERS: ReadonlySet<string> = new Set<DeploymentTrigger>([
  'pipeline',
  'promotion',
  'rollback',
  'hotfix',
]);

/**
 * A GitHub deployment, as a webhook delivers it and as the REST API lists it:
 * the fields the portal records.
 */
export interface DeploymentOnGitHub {
  id: number;
  sha: string;
  environment: string;
  created_at: string;
  payload?: unknown;
  creator?: { login?: string } | null;
}

/** A status of a deployment, as a webhook delivers it and as the REST API lists it. */
export interface DeploymentStatusOnGitHub {
  state: string;
  created_at: string;
  log_url?: string | null;
  target_url?: string | null;
}

/** What one `deployment` or `deployment_status` delivery says. */
export interface DeploymentReport {
  repository: WebhookRepository;
  deployment: DeploymentOnGitHub;
  state: DeploymentState;
  /** The status's log or target, a link to the rollout. */
  url?: string;
}

/**
 * The report of a deployment at one of its statuses (none: just created), or
 * undefined for a status that says nothing of the rollout (`inactive`). The
 * webhook and the backfill both report through it, so they agree.
 */
export function statusReport(
  repository: WebhookRepository,
  deployment: DeploymentOnGitHub,
  status: DeploymentStatusOnGitHub | undefined,
): DeploymentReport | undefined {
  const state = deploymentState(
    status?.state,
    status?.created_at ?? deployment.created_at,
  );
  if (!state) {
    return undefined;
  }
  return {
    repository,
    deployment,
    state,
    url:
      status?.log_url ||
      status?.target_url ||
      `${repository.url}/deployments/${encodeURIComponent(
        deployment.environment,
      )}`,
  };
}

function payloadText(
  deployment: DeploymentOnGitHub,
  key: string,
): string | undefined {
  const payload = deployment.payload as unknown;
  if (!payload || typeof payload !== 'object') {
    return undefined;
  }
  const value = (payload as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * The version the deployment rolled out: the `version` its payload names
 * (`gh api .../deployments -f payload[version]=1.4.2`), otherwise its commit.
 */
export function deploymentVersion(deployment: DeploymentOnGitHub): string {
  return (
    payloadText(deployment, 'version') ??
    deployment.sha.slice(0, SHORT_SHA_LENGTH)
  );
}

/** `pipeline`, unless the payload names another trigger, e.g. `rollback`. */
function deploymentTrigger(deployment: DeploymentOnGitHub): DeploymentTrigger {
  const trigger = payloadText(deployment, 'trigger');
  return trigger && REPORTED_TRIGGERS.has(trigger)
    ? (trigger as DeploymentTrigger)
    : 'pipeline';
}

/**
 * The deployment events for one delivery, one per entity of the repository.
 * Every field comes from the deployment itself or its status, so any delivery
 * about the same deployment gives the same record once it has finished.
 */
export function deploymentEvents(options: {
  report: DeploymentReport;
  environment: string;
  entityRefs: string[];
  commits?: EventCommit[];
}): DeploymentEvent[] {
  const { report, environment, entityRefs, commits } = options;
  const { deployment, repository, state } = report;
  return recordsOf('deployment', repository, deployment.id, entityRefs).map(
    ({ id, entityRef }) => ({
      type: 'deployment',
      id,
      entityRef,
      environment,
      version: deploymentVersion(deployment),
      commitSha: deployment.sha,
      ...(commits ? { commits } : {}),
      status: state.status,
      trigger: deploymentTrigger(deployment),
      startedAt: deployment.created_at,
      ...(state.finishedAt ? { finishedAt: state.finishedAt } : {}),
      ...(report.url ? { url: report.url } : {}),
      ...(deployment.creator?.login ? { actor: deployment.creator.login } : {}),
    }),
  );
}
