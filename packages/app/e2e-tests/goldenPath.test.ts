import { test, expect, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { callBackend, catalogComponents, demoToken } from './demoBackend';
import { gitopsRepository, serviceRepositories } from './demoDisk';
import { committedFiles, folderOfFileUrl, git, revertSince } from './localGit';
import { signInAs } from './signIn';

// A new name per run (and per retry, which loads this file again), so that a
// run that stopped before its clean-up does not collide with the next one.
const service = `golden-path-${Date.now().toString(36)}`;

// What the run writes outlives the demo's in-memory database: the service's
// repository (whose catalog-info.yaml the next start would read into the
// catalog) and the GitOps repository's commits. Everything is taken back,
// whether the test passed or stopped half-way; the suite's teardown checks it.
let gitopsBefore: string;
let repositoriesFolderBefore: boolean;
test.beforeAll(() => {
  gitopsBefore = git(gitopsRepository(), 'rev-parse', 'HEAD');
  repositoriesFolderBefore = fs.existsSync(serviceRepositories());
});
test.afterAll(async () => {
  // Without its repository the catalog reads the component no more ...
  fs.rmSync(path.join(serviceRepositories(), service), {
    recursive: true,
    force: true,
  });
  if (
    !repositoriesFolderBefore &&
    fs.existsSync(serviceRepositories()) &&
    fs.readdirSync(serviceRepositories()).length === 0
  ) {
    fs.rmdirSync(serviceRepositories());
  }
  try {
    // ... and the running catalog forgets it ...
    const token = await demoToken('engineer');
    for (const component of await catalogComponents(
      token,
      `metadata.name=${service}`,
    )) {
      await callBackend(
        token,
        `/api/catalog/entities/by-uid/${component.metadata.uid}`,
        { method: 'DELETE' },
      );
    }
  } finally {
    // ... and every commit of this run that touched the service's GitOps
    // files (the template's, and the demo's own should it have seeded the
    // service) is reverted, newest first: reverted, so the history stays.
    revertSince(gitopsRepository(), gitopsBefore, [
      `apps/smart-city/${service}`,
      `:(glob)argocd/**/${service}-*`,
    ]);
  }
});

// Fail a step that finds nothing in seconds rather than at the end of the test's time.
test.use({ actionTimeout: 30_000 });

/** Picks an entity in one of the form's entity pickers by typing part of its name. */
async function pickEntity(
  page: Page,
  field: string,
  search: string,
  option: RegExp,
) {
  // The picker's input carries the field's title (and an asterisk when required).
  const picker = page.getByRole('textbox', { name: new RegExp(`^${field}`) });
  await picker.click();
  await picker.fill(search);
  await page.getByRole('option', { name: option }).click();
}

test('an engineer creates a domain service, finds it in the catalog and its GitOps change committed', async ({
  page,
}) => {
  // Filling in two form pages, running the task and waiting for the catalog
  // to pick the new repository up take longer than a page visit.
  test.setTimeout(300_000);
  await signInAs(page, 'engineer');

  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Create', exact: true })
    .click();
  // The innermost element holding both the template's title and a Choose button is its card.
  await page
    .locator('div')
    .filter({
      has: page.getByRole('heading', { name: 'Domain service', exact: true }),
    })
    .filter({ has: page.getByRole('button', { name: 'Choose' }) })
    .last()
    .getByRole('button', { name: 'Choose' })
    .click();

  await page.getByRole('textbox', { name: /^Name/ }).fill(service);
  await page
    .getByRole('textbox', { name: /^Description/ })
    .fill('Created by the golden-path browser test');
  await pickEntity(page, 'Domain', 'smart', /Smart City/);
  await pickEntity(page, 'System', 'urban', /Urban Mobility/);
  await pickEntity(page, 'Owner', 'smart', /Team Smart City/);
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByRole('button', { name: /^Language/ }).click();
  await page.getByRole('option', { name: 'Python 3.12' }).click();
  // Production is left out: the catalog and the GitOps change must show only dev and staging.
  await page.getByRole('checkbox', { name: 'prod' }).uncheck();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  // The task's outputs appear once every step has finished.
  const openInCatalog = page.getByRole('link', { name: 'Open in catalog' });
  await expect(openInCatalog).toBeVisible({ timeout: 120_000 });
  // What the task says about its GitOps change: the commit and the repository it went to.
  const gitopsChange = page
    .getByRole('paragraph')
    .filter({ hasText: 'committed to the local GitOps repository' });
  const commit = (await gitopsChange.locator('code').textContent()) ?? '';
  expect(commit).toMatch(/^[0-9a-f]{40}$/);
  const committedTo =
    /local GitOps repository\s+(\S+?)\.?$/.exec(
      (await gitopsChange.innerText()).trim(),
    )?.[1] ?? '';
  expect(committedTo).toBe(gitopsRepository());
  const repositoryUrl = await page
    .getByRole('link', { name: 'Repository' })
    .getAttribute('href');

  // The component is in the catalog, wired to Domain Delivery for dev and staging.
  await openInCatalog.click();
  await expect(async () => {
    await page.reload();
    await expect(
      page.getByRole('heading', { name: service, exact: true }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await page.getByRole('link', { name: 'Deployments', exact: true }).click();
  for (const title of ['Development', 'Staging']) {
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Production' })).toHaveCount(
    0,
  );

  // It shows in its domain's delivery view.
  await page.goto('/catalog/default/domain/smart-city');
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Delivery', exact: true })
    .click();
  // In the version matrix: the DORA card may link it too, among its lowest tier.
  await expect(
    page
      .getByRole('table', {
        name: /^The version each component of .* runs in each environment$/,
      })
      .getByRole('link', { name: service, exact: true }),
  ).toBeVisible();

  // The GitOps commit holds its Helm values and Argo CD applications per environment.
  const files = committedFiles(committedTo, commit);
  for (const environment of ['dev', 'staging']) {
    expect(files).toContain(
      `apps/smart-city/${service}/values-${environment}.yaml`,
    );
    expect(files).toContain(
      `argocd/smart-city/apps/${service}-${environment}.yaml`,
    );
  }
  expect(files).toContain(`apps/smart-city/${service}/Chart.yaml`);
  expect(files).not.toContain(`apps/smart-city/${service}/values-prod.yaml`);
  expect(git(committedTo, 'log', '-1', '--format=%s', commit)).toBe(
    `${service}: add the Helm chart and the Argo CD applications for dev, staging`,
  );

  // The service's own repository was published next to it, with its entity and tests.
  const serviceRepository = folderOfFileUrl(repositoryUrl!);
  expect(serviceRepository).toBe(path.join(serviceRepositories(), service));
  expect(git(serviceRepository, 'log', '--format=%s')).toBe('Initial commit');
  const tracked = git(serviceRepository, 'ls-files').split('\n');
  expect(tracked).toEqual(
    expect.arrayContaining([
      'catalog-info.yaml',
      `.github/workflows/${service}.yaml`,
      'tests/unit/status_test.py',
      'tests/contract/status_contract_test.py',
    ]),
  );
  // Its entity points Domain Delivery at the folder the GitOps commit wrote.
  expect(git(serviceRepository, 'show', 'HEAD:catalog-info.yaml')).toContain(
    `domain-delivery.io/gitops-path: apps/smart-city/${service}`,
  );
});
