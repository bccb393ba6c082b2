import { expect, test } from '@playwright/test';
import { createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { BACKEND, callBackend, demoToken } from './demoBackend';
import { GitHubCall, startGitHubStandIn } from './githubStandIn';
import { signInAs } from './signIn';

// A service of the demo whose repository (github.com/project-slug) is
// domain-delivery-demo/parking-availability-service; its latest staging
// version has soaked long enough for production.
const COMPONENT = 'parking-availability-service';
const ENTITY_REF = `component:default/${COMPONENT}`;
const OWNER = 'domain-delivery-demo';
// As app-config.e2e.yaml configures the backend the browser tests start.
const WEBHOOK_SECRET = 'a webhook secret of the browser tests';
const ADMIN = 'user:default/platform-admin';

let github: Awaited<ReturnType<typeof startGitHubStandIn>>;
test.beforeAll(async () => {
  github = await startGitHubStandIn();
});
test.afterAll(async () => {
  await github?.close();
});

/** The version that last went out to staging, which production may get. */
async function stagingVersion(): Promise<string> {
  const token = await demoToken('engineer');
  const { items } = await callBackend<{
    items: Array<{ version: string; status: string }>;
  }>(
    token,
    `/api/delivery/deployments?entityRef=${encodeURIComponent(
      ENTITY_REF,
    )}&environment=staging&status=succeeded`,
  );
  expect(items.length).toBeGreaterThan(0);
  return items[0].version;
}

/**
 * A `deployment_protection_rule` delivery as GitHub sends it when a workflow
 * job with `environment: prod` waits for the portal's rule.
 */
function protectionRuleRequest(version: string, runId: number) {
  const repository = {
    id: 1296269,
    node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
    name: COMPONENT,
    full_name: `${OWNER}/${COMPONENT}`,
    private: false,
    owner: { login: OWNER, id: 9919, type: 'Organization' },
    html_url: `https://github.com/${OWNER}/${COMPONENT}`,
  };
  const sender = { login: 'octocat', id: 1, type: 'User' };
  return {
    action: 'requested',
    environment: 'prod',
    event: 'push',
    deployment_callback_url: `https://api.github.com/repos/${OWNER}/${COMPONENT}/actions/runs/${runId}/deployment_protection_rule`,
    deployment: {
      id: runId,
      sha: randomBytes(20).toString('hex'),
      ref: 'main',
      task: 'deploy',
      environment: 'prod',
      // The golden path's workflows name the version they deploy.
      payload: { version },
      creator: sender,
      created_at: new Date().toISOString(),
    },
    pull_requests: [],
    repository,
    sender,
    installation: {
      id: 42,
      node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI=',
    },
  };
}

test('GitHub asks whether a production deployment may go out, the platform admin approves it in the inbox, and GitHub is answered approved with the approver named', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const version = await stagingVersion();
  const runId = randomInt(1_000_000, 2_000_000_000);
  const body = JSON.stringify(protectionRuleRequest(version, runId));

  // GitHub's webhook, signed with the secret, through the events backend.
  const delivered = await request.post(`${BACKEND}/api/events/http/github`, {
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'deployment_protection_rule',
      'x-github-delivery': randomUUID(),
      'x-hub-signature-256': `sha256=${createHmac('sha256', WEBHOOK_SECRET)
        .update(body)
        .digest('hex')}`,
    },
    data: body,
  });
  expect(delivered.status()).toBe(202);

  // It waits in the approvals inbox like any promotion, marked as GitHub's.
  await signInAs(page, 'platform admin');
  await page.goto('/delivery');
  await page
    .getByRole('button', { name: /^Approvals \(\d+ pending\)/ })
    .click();
  const card = page.getByRole('article', {
    name: `Promotion of ${COMPONENT} ${version} into prod`,
  });
  await expect(card).toBeVisible();
  await expect(card.getByText('from GitHub')).toBeVisible();
  await expect(
    card.getByRole('link', { name: /the waiting run/ }),
  ).toHaveAttribute(
    'href',
    `https://github.com/${OWNER}/${COMPONENT}/actions/runs/${runId}`,
  );
  expect(github.calls).toEqual([]);

  await card.getByRole('button', { name: 'Approve' }).click();
  const dialog = page.getByRole('dialog', { name: /^Approve/ });
  await dialog
    .getByRole('textbox', { name: 'Comment' })
    .fill('Browser test: GitHub may deploy');
  await dialog.getByRole('button', { name: 'Approve' }).click();
  await expect(card).toBeHidden();

  // GitHub's callback, answered once, approved, naming the approver.
  await expect.poll(() => github.calls.length, { timeout: 60_000 }).toBe(1);
  const [answer] = github.calls as GitHubCall[];
  expect(answer).toMatchObject({
    method: 'POST',
    path: `/repos/${OWNER}/${COMPONENT}/actions/runs/${runId}/deployment_protection_rule`,
    body: {
      environment_name: 'prod',
      state: 'approved',
      comment: `Approved in the Domain Delivery portal by ${ADMIN} (Browser test: GitHub may deploy)`,
    },
  });
});
