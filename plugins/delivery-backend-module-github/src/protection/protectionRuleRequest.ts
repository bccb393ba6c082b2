import type { DeploymentGateRequest } from '@domain-delivery/backstage-plugin-delivery-node';
import type { DeploymentProtectionRuleRequestedEvent } from '@octokit/webhooks-types';
import { deploymentVersion } from '../deployments/deploymentEvents';
import { WebhookRepository } from '../githubRepository';

/**
 * What the portal needs to answer a protection rule's request later: the
 * repository, the workflow run that waits and the GitHub environment. Stored
 * with the request, so any replica can answer it, also after a restart.
 */
export interface ProtectionRuleCallback {
  host: string;
  owner: string;
  repo: string;
  runId: number;
  /** The GitHub environment's name, as GitHub expects it back. */
  environmentName: string;
  [key: string]: string | number;
}

// GitHub's callback: `.../repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule`.
const CALLBACK_RUN = /\/actions\/runs\/(\d+)\/deployment_protection_rule\/?$/;

/** The workflow run a protection rule's callback answers, from its URL. */
export function callbackRunId(callbackUrl: string): number | undefined {
  const match = CALLBACK_RUN.exec(new URL(callbackUrl).pathname);
  return match ? Number(match[1]) : undefined;
}

/**
 * The request of a `deployment_protection_rule` delivery, for the entity and
 * the portal environment it was found to be of; undefined when the delivery
 * lacks what an answer needs.
 */
export function protectionRuleRequest(options: {
  payload: DeploymentProtectionRuleRequestedEvent;
  repository: WebhookRepository;
  entityRef: string;
  environment: string;
}): DeploymentGateRequest | undefined {
  const { payload, repository, entityRef, environment } = options;
  const { deployment, deployment_callback_url: callbackUrl } = payload;
  const environmentName = payload.environment ?? deployment?.environment;
  const runId = callbackUrl ? callbackRunId(callbackUrl) : undefined;
  if (!deployment || !environmentName || runId === undefined) {
    return undefined;
  }
  const callback: ProtectionRuleCallback = {
    host: repository.host,
    owner: repository.owner,
    repo: repository.repo,
    runId,
    environmentName,
  };
  const runUrl = `${repository.url}/actions/runs/${runId}`;
  return {
    // GitHub asks once per run and environment; a redelivery finds the same request.
    key: `${repository.host}/${repository.slug}/runs/${runId}/${environmentName}`,
    entityRef,
    environment,
    version: deploymentVersion(deployment),
    reason: `GitHub asks to deploy ${deployment.sha.slice(0, 12)} (${
      deployment.ref
    }) to ${environmentName}: workflow run ${runId}${
      payload.event ? `, on ${payload.event}` : ''
    }`,
    requestedBy: `github:${deployment.creator?.login ?? payload.sender.login}`,
    url: runUrl,
    callback,
  };
}
