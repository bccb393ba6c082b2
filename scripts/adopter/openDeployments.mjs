// Opens the example component's Deployments tab in Chromium as a person would: signs in as
// guest, opens the component in the catalog, clicks the tab, and expects the pushed version.
import { chromium } from 'playwright-core';
import { FRONTEND_URL } from './testSetup.mjs';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

async function signInAsGuest(page) {
  await page.goto(FRONTEND_URL);
  // The app's sign-in page offers the guest provider; the button is "Enter".
  await page.getByRole('button', { name: 'Enter' }).click({ timeout: 60_000 });
  await page
    .getByRole('link', { name: 'Catalog', exact: true })
    .first()
    .waitFor({ timeout: 60_000 });
}

/** Fails unless the Deployments tab of `entityRef` shows `version`; screenshots on failure. */
export async function expectVersionOnDeploymentsTab({
  entityRef,
  version,
  screenshot,
}) {
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  const page = await browser.newPage();
  try {
    await signInAsGuest(page);
    await page.goto(`${FRONTEND_URL}/catalog/${namespace}/${kind}/${name}`);
    await page
      .getByRole('link', { name: 'Deployments', exact: true })
      .click({ timeout: 60_000 });
    await page.getByText(version).first().waitFor({ timeout: 60_000 });
    console.log(
      `[browser] the Deployments tab of ${entityRef} shows ${version}`,
    );
  } catch (error) {
    await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
    throw new Error(`${error.message}\n(screenshot: ${screenshot})`);
  } finally {
    await browser.close();
  }
}
