import { expect, Page } from '@playwright/test';

/** The demo's two personas, as named on the sign-in page's buttons. */
export type DemoPersona = 'engineer' | 'platform admin';

/** Signs in through the demo sign-in page and waits for the portal's sidebar. */
export async function signInAs(page: Page, persona: DemoPersona) {
  await page.goto('/');
  await page.getByRole('button', { name: `Sign in as ${persona}` }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}
