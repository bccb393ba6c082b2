import { test, expect } from '@playwright/test';
import { signInAs } from './signIn';

const DOMAINS = ['smart-city', 'business-enablement', 'experience', 'journey'];

test('an engineer finds the four domains and a component’s delivery tab', async ({
  page,
}) => {
  await signInAs(page, 'engineer');

  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Catalog', exact: true })
    .click();

  // The catalog opens on the components the engineer owns; show every domain instead.
  await page.getByRole('button', { name: 'Component', exact: true }).click();
  await page.getByRole('option', { name: 'Domain', exact: true }).click();
  await page.getByRole('menuitem', { name: /^All/ }).click();
  await expect(
    page.getByRole('heading', { name: /Domains \(4\)/ }).first(),
  ).toBeVisible();
  for (const domain of DOMAINS) {
    await expect(
      page.locator(`a[href$="/catalog/default/domain/${domain}"]`),
    ).toBeVisible();
  }

  // A smart-city component shows its Deployments tab (the entity page's tabs are links).
  await page.goto('/catalog/default/component/parking-availability-service');
  await page.getByRole('link', { name: 'Deployments', exact: true }).click();
  for (const title of ['Development', 'Staging', 'Production']) {
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
  }
  await expect(
    page.getByText('Promoted from staging, 1 approval required'),
  ).toBeVisible();
});

test('Create offers the golden-path templates and nothing else', async ({
  page,
}) => {
  await signInAs(page, 'engineer');
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Create', exact: true })
    .click();
  // A template's card shows its title as a heading with a Choose button.
  await expect(page.getByRole('button', { name: 'Choose' })).toHaveCount(2);
  for (const title of ['Domain service', 'Domain environment']) {
    await expect(
      page.getByRole('heading', { name: title, exact: true }),
    ).toBeVisible();
  }
});
