import { test, expect, Page } from '@playwright/test';

const DOMAINS = ['smart-city', 'business-enablement', 'experience', 'journey'];

async function signInAsEngineer(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in as engineer' }).click();
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }),
  ).toBeVisible();
}

test('an engineer finds the four domains and a component’s delivery tab', async ({
  page,
}) => {
  await signInAsEngineer(page);

  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Catalog', exact: true })
    .click();

  // The catalog lists components first; switch its kind filter to domains.
  await page.getByRole('button', { name: /kind/i }).first().click();
  await page.getByRole('option', { name: 'Domain', exact: true }).click();
  for (const domain of DOMAINS) {
    await expect(
      page.getByRole('link', { name: domain, exact: true }),
    ).toBeVisible();
  }

  // A component of the smart-city domain shows its delivery tab with the configured environments.
  await page.goto('/catalog/default/component/parking-availability-service');
  await page.getByRole('tab', { name: 'Delivery' }).click();
  for (const environment of ['dev', 'staging', 'prod']) {
    await expect(
      page.getByText(`No deployment reported to ${environment} yet.`),
    ).toBeVisible();
  }
  await expect(
    page.getByText('Promoted from staging, 1 approval required'),
  ).toBeVisible();
});
