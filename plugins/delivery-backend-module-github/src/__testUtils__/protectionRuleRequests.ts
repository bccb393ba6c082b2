import type { DeploymentProtectionRuleRequestedEvent } from '@octokit/webhooks-types';
import { REPOSITORY_API } from './githubApi';
import { assertValidWebhook } from './githubSchemas';
import { webhookExample } from './webhookExamples';

/** The workflow run that waits in the test's requests. */
export const RUN_ID = 4242424242;

/** The path GitHub's callback for the run is answered at. */
export const CALLBACK_PATH = `/repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule`;
export const CALLBACK_URL = `${REPOSITORY_API}/actions/runs/${RUN_ID}/deployment_protection_rule`;

/**
 * A `deployment_protection_rule` delivery (action `requested`) for GitHub's
 * example repository. GitHub's examples have none, so it is built from the
 * example deployment's repository, sender and deployment, and checked
 * against GitHub's published webhook schema.
 */
export function protectionRuleRequested(
  options: { sha?: string; environment?: string; runId?: number } = {},
): DeploymentProtectionRuleRequestedEvent {
  const example = webhookExample('deployment', 'created');
  const environment = options.environment ?? 'production';
  const runId = options.runId ?? RUN_ID;
  const payload: DeploymentProtectionRuleRequestedEvent = {
    action: 'requested',
    environment,
    event: 'push',
    deployment_callback_url: `${REPOSITORY_API}/actions/runs/${runId}/deployment_protection_rule`,
    deployment: {
      ...example.deployment,
      sha: options.sha ?? example.deployment.sha,
      environment,
      original_environment: environment,
    },
    pull_requests: [],
    repository: example.repository,
    sender: example.sender,
    installation: {
      id: 2311213,
      node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMjMxMTIxMw==',
    },
  };
  assertValidWebhook('deployment-protection-rule-requested', payload);
  return payload;
}
