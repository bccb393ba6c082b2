import { test, expect, Page } from '@playwright/test';
import { callBackend, demoToken } from './demoBackend';
import { gitopsRepository } from './demoDisk';
import { git, revertSince } from './localGit';
import { signInAs } from './signIn';

// A service of the engineer's team (smart-city). Not parking-availability-service,
// which the other browser tests promote to production.
const COMPONENT = 'bike-share-service';
const ENTITY_REF = `component:default/${COMPONENT}`;
// Staging verifies each deployment (app-config.yaml): the demo's stand-in for
// the service's version endpoint must answer the deployed version.
const VALUES_FILE = `apps/smart-city/${COMPONENT}/values-staging.yaml`;

interface EntityEnvironments {
  items: Array<{
    environment: { name: string };
    current?: { version: string };
  }>;
}

interface Deployment {
  id: string;
  version: string;
  status: string;
  trigger: string;
  verification?: { state: string; reason?: string };
}

interface Promotion {
  id: string;
  state: string;
  version: string;
}

// The GitOps repository outlives the demo's in-memory database: the run's
// commits to the staging values file are reverted afterwards, whether the
// test passed or not.
let gitopsBefore: string;
test.beforeAll(() => {
  gitopsBefore = git(gitopsRepository(), 'rev-parse', 'HEAD');
});
test.afterAll(() => {
  revertSince(gitopsRepository(), gitopsBefore, [VALUES_FILE]);
});

/** The versions that run in dev and in staging now. */
async function runningVersions(token: string) {
  const { items } = await callBackend<EntityEnvironments>(
    token,
    `/api/delivery/entities/component/default/${COMPONENT}/environments`,
  );
  const running = (name: string) =>
    items.find(item => item.environment.name === name)?.current?.version;
  return { dev: running('dev'), staging: running('staging') };
}

/** The newest deployments into staging, newest first. */
async function stagingDeployments(token: string): Promise<Deployment[]> {
  const { items } = await callBackend<{ items: Deployment[] }>(
    token,
    `/api/delivery/deployments?entityRef=${encodeURIComponent(
      ENTITY_REF,
    )}&environment=staging&limit=50`,
  );
  return items;
}

/**
 * Makes sure a version waits in dev for staging, whatever day the demo's
 * history ended on: when staging already runs dev's version, staging is first
 * rolled back to the version it ran before (through the API, as the engineer),
 * and that rollback's own verification is let finish.
 */
async function letAVersionWaitInDev(token: string): Promise<string> {
  const { dev, staging } = await runningVersions(token);
  expect(dev).toBeDefined();
  if (dev !== staging) {
    return dev!;
  }
  const earlier = (await stagingDeployments(token)).find(
    deployment =>
      deployment.status === 'succeeded' && deployment.version !== staging,
  );
  expect(earlier).toBeDefined();
  const rollback = await callBackend<Promotion>(
    token,
    '/api/delivery/promotions',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        entityRef: ENTITY_REF,
        environment: 'staging',
        version: earlier!.version,
        trigger: 'rollback',
        reason: 'Browser test: let a version wait in dev',
      }),
    },
  );
  await expect
    .poll(
      async () => {
        const [newest] = await stagingDeployments(token);
        return newest?.version === earlier!.version
          ? newest.verification?.state
          : 'not deployed yet';
      },
      {
        message: `the rollback ${rollback.id} of staging to ${
          earlier!.version
        } is verified`,
        timeout: 120_000,
        intervals: [1_000],
      },
    )
    .toBe('passed');
  return dev!;
}

/** The staging environment card of the Deployments tab. */
function stagingCard(page: Page) {
  return page
    .locator('.MuiCard-root')
    .filter({
      has: page.getByRole('heading', { name: 'Staging', exact: true }),
    })
    .filter({ hasText: 'Running for' });
}

test('the engineer promotes to staging and watches the staging card verify the new version', async ({
  page,
}) => {
  // A possible rollback first, then the promotion, each executed by the
  // backend's scheduler and verified by answers a few seconds apart.
  test.setTimeout(300_000);
  const token = await demoToken('engineer');
  const waiting = await letAVersionWaitInDev(token);

  await signInAs(page, 'engineer');
  await page.goto(`/catalog/default/component/${COMPONENT}/deployments`);
  await page.getByRole('button', { name: 'Promote to Staging' }).click();
  const dialog = page.getByRole('dialog', { name: /Promote/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading').first()).toContainText(waiting);
  await dialog
    .getByRole('textbox', { name: /Reason/ })
    .fill('Browser test: verification between stages');
  const requested = page.waitForResponse(
    response =>
      response.url().endsWith('/api/delivery/promotions') &&
      response.request().method() === 'POST',
  );
  // Staging needs no approval: the confirm button promotes at once.
  await dialog.getByRole('button', { name: 'Promote', exact: true }).click();
  const response = await requested;
  expect(response.status()).toBe(201);
  const promotion: Promotion = await response.json();
  expect(promotion.version).toBe(waiting);

  // Once the commit lands, staging runs the version and verifies it: the
  // stand-in endpoint answers the tag the commit set, several times in a row.
  // The tab, never reloaded, follows the backend's signals.
  const card = stagingCard(page);
  await expect(card.getByText(waiting, { exact: true })).toBeVisible({
    timeout: 120_000,
  });
  await expect(card.getByText('Verifying', { exact: true })).toBeVisible();
  await expect(card.getByText('Verified', { exact: true })).toBeVisible({
    timeout: 60_000,
  });
  await expect(
    card.getByRole('list', { name: 'Verification checks' }),
  ).toContainText('HTTP passed (3 of 3 answers in a row)');

  // The backend agrees, and the GitOps repository holds the commit.
  const [deployed] = await stagingDeployments(token);
  expect(deployed.version).toBe(waiting);
  expect(deployed.verification?.state).toBe('passed');
  expect(git(gitopsRepository(), 'show', `HEAD:${VALUES_FILE}`)).toContain(
    `tag: ${waiting}`,
  );
});

test('a version that never starts fails its staging verification, the card says why, and staging rolls itself back', async ({
  page,
}) => {
  // The failing check gives up after its 30 s timeout; the rollback is then
  // executed and verified in turn.
  test.setTimeout(300_000);
  const token = await demoToken('engineer');
  const { staging: good } = await runningVersions(token);
  expect(good).toBeDefined();

  // CI reports a dev build of a version that the demo's stand-in never starts.
  const broken = `0.0.${Date.now() % 100_000}-crashloop`;
  const now = new Date().toISOString();
  await callBackend(token, '/api/delivery/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'deployment',
      id: `browser-test-${broken}`,
      entityRef: ENTITY_REF,
      environment: 'dev',
      version: broken,
      commitSha: 'c0ffee0',
      status: 'succeeded',
      trigger: 'pipeline',
      startedAt: now,
      finishedAt: now,
    }),
  });

  await signInAs(page, 'engineer');
  await page.goto(`/catalog/default/component/${COMPONENT}/deployments`);
  await page.getByRole('button', { name: 'Promote to Staging' }).click();
  const dialog = page.getByRole('dialog', { name: /Promote/ });
  await expect(dialog.getByRole('heading').first()).toContainText(broken);
  await dialog
    .getByRole('textbox', { name: /Reason/ })
    .fill('Browser test: a release that crashes on start');
  await dialog.getByRole('button', { name: 'Promote', exact: true }).click();

  // The stand-in answers 503 for it: the check fails after its timeout and
  // the history says why, and that the portal asked for a rollback, which it
  // executes at once (staging needs no approval) and verifies in turn. The
  // tab follows without a reload.
  const failedRow = page
    .getByRole('row')
    .filter({ hasText: 'Staging' })
    .filter({ hasText: broken });
  await expect(failedRow).toContainText('answered 503', { timeout: 120_000 });
  await expect(failedRow).toContainText('an automatic rollback was requested');
  const card = stagingCard(page);
  await expect(card.getByText(good!, { exact: true })).toBeVisible({
    timeout: 120_000,
  });
  await expect(card).toContainText('(rollback)');
  await expect(card.getByText('Verified', { exact: true })).toBeVisible({
    timeout: 60_000,
  });
  const [rollback, failed] = await stagingDeployments(token);
  expect(rollback).toMatchObject({ version: good, trigger: 'rollback' });
  expect(failed).toMatchObject({
    version: broken,
    verification: { state: 'failed' },
  });
});
