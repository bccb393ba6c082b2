import { test, expect, APIRequestContext } from '@playwright/test';
import { gitopsRepository } from './demoDisk';
import { git, revertSince } from './localGit';
import { signInAs } from './signIn';

// A service of the engineer's team (smart-city): the demo history always ends
// with a version that has soaked in staging and waits for production.
const COMPONENT = 'parking-availability-service';
const VALUES_FILE = `apps/smart-city/${COMPONENT}/values-prod.yaml`;
// Another team's service (journey), which the engineer may not promote.
const OTHER_TEAMS_COMPONENT = 'timetable-service';
const BACKEND = 'http://localhost:7007';

// The GitOps repository outlives the demo's in-memory database: the run's
// promotion is reverted afterwards, whether the test passed or not, so that
// the values file is as before and the next run's promotion changes it again.
let gitopsBefore: string;
test.beforeAll(() => {
  gitopsBefore = git(gitopsRepository(), 'rev-parse', 'HEAD');
});
test.afterAll(() => {
  revertSince(gitopsRepository(), gitopsBefore, [VALUES_FILE]);
});

/** Reads a promotion from the backend as the user whose token is given. */
async function readPromotion(
  request: APIRequestContext,
  id: string,
  authorization: string,
) {
  const response = await request.get(
    `${BACKEND}/api/delivery/promotions/${encodeURIComponent(id)}`,
    { headers: { authorization } },
  );
  expect(response.ok()).toBe(true);
  return response.json();
}

test('the engineer requests a production promotion, the platform admin approves it, and the GitOps repository has its commit', async ({
  page,
  browser,
  request,
}) => {
  // Two sign-ins, a promotion executed by the backend's scheduler and a git check.
  test.setTimeout(240_000);

  // The engineer asks for the version waiting in staging to go to production.
  await signInAs(page, 'engineer');
  await page.goto(`/catalog/default/component/${COMPONENT}/deployments`);
  await page.getByRole('button', { name: 'Promote to Production' }).click();
  const dialog = page.getByRole('dialog', { name: /Promote/ });
  await expect(dialog).toBeVisible();
  const title = await dialog.getByRole('heading').first().textContent();
  await dialog
    .getByRole('textbox', { name: /Reason/ })
    .fill('Browser test: the new timetable version');
  const requested = page.waitForResponse(
    response =>
      response.url().endsWith('/api/delivery/promotions') &&
      response.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: 'Request promotion' }).click();
  const response = await requested;
  expect(response.status()).toBe(201);
  const promotion = await response.json();
  // The engineer's own token, to follow the promotion through the API.
  const engineerToken = (await response.request().allHeaders()).authorization;
  expect(title).toContain(promotion.version);
  await expect(page.getByText('Waiting for approval').first()).toBeVisible();

  // The platform admin finds it in the approvals inbox and approves it.
  const adminContext = await browser.newContext();
  try {
    const admin = await adminContext.newPage();
    await signInAs(admin, 'platform admin');
    await admin.goto('/delivery');
    await admin
      .getByRole('button', { name: /^Approvals \(\d+ pending\)/ })
      .click();
    const card = admin.getByRole('article', {
      name: `Promotion of ${COMPONENT} ${promotion.version} into prod`,
    });
    await expect(card).toBeVisible();
    await expect(
      card.getByText(`+  tag: ${promotion.version}`, { exact: true }),
    ).toBeVisible();
    await card.getByRole('button', { name: 'Approve' }).click();
    const approval = admin.getByRole('dialog', {
      name: `Approve ${COMPONENT} ${promotion.version} into prod`,
    });
    await approval
      .getByRole('textbox', { name: 'Comment' })
      .fill('Approved by the browser test');
    await approval.getByRole('button', { name: 'Approve' }).click();
    await expect(card).toBeHidden();
    await expect(
      admin.getByText(`Approved ${COMPONENT} ${promotion.version} into prod.`),
    ).toBeVisible();
    // The engineer's tab, open all along and never reloaded, follows the
    // approval within two seconds: the backend signals it, nothing polls.
    await expect(page.getByText(/^Waiting for approval/)).toHaveCount(0, {
      timeout: 2_000,
    });
  } finally {
    await adminContext.close();
  }

  // The backend's scheduler executes it: a commit to the GitOps repository.
  await expect
    .poll(
      async () =>
        (
          await readPromotion(request, promotion.id, engineerToken)
        ).state,
      { timeout: 120_000, intervals: [1_000] },
    )
    .toBe('succeeded');
  // The engineer's tab says so too, still without a reload.
  await expect(
    page.getByText(
      `The promotion of ${promotion.version} to Production succeeded`,
    ),
  ).toBeVisible({ timeout: 5_000 });
  const succeeded = await readPromotion(request, promotion.id, engineerToken);
  expect(succeeded.transitions.map((t: { to: string }) => t.to)).toEqual([
    'pending_approval',
    'approved',
    'executing',
    'succeeded',
  ]);

  const repository = gitopsRepository();
  const sha: string = succeeded.gitopsCommitSha;
  const log = git(repository, 'log', '-n', '20', '--format=%H%n%B%n--end--');
  const commit = log
    .split('--end--')
    .map(entry => entry.trim())
    .find(entry => entry.includes(`Promotion: ${promotion.id}`));
  expect(commit).toBeDefined();
  const [commitSha, subject] = commit!.split('\n');
  expect(commitSha).toBe(sha);
  expect(subject).toBe(
    `Promote component:default/${COMPONENT} to ${promotion.version} in prod`,
  );
  expect(git(repository, 'show', `${sha}:${VALUES_FILE}`)).toContain(
    `tag: ${promotion.version}`,
  );
});

test("the engineer is offered no Promote or Roll back button on another team's service", async ({
  page,
}) => {
  await signInAs(page, 'engineer');
  await page.goto(
    `/catalog/default/component/${OTHER_TEAMS_COMPONENT}/deployments`,
  );
  // The environment cards are there, with what runs in production…
  await expect(
    page.getByRole('heading', { name: 'Production' }).first(),
  ).toBeVisible();
  // …but no action: the demo's policy lets only the owners promote and roll back.
  await expect(page.getByRole('button', { name: /^Promote to/ })).toHaveCount(
    0,
  );
  await expect(page.getByRole('button', { name: /^Roll back/ })).toHaveCount(0);
});
