import { test, expect } from '@playwright/test';
import { callBackend, demoToken } from './demoBackend';
import { signInAs } from './signIn';

// A service of the engineer's team, which always has a version waiting for production.
const COMPONENT = 'parking-availability-service';
const REASON = 'Browser test: incident drill';

interface Halt {
  id: string;
  active: boolean;
  reason: string;
}

// Whatever happens in the test, no halt of its own outlives it: the other
// tests promote.
test.afterEach(async () => {
  const token = await demoToken('platform admin');
  const { items } = await callBackend<{ items: Halt[] }>(
    token,
    '/api/delivery/halts',
  );
  for (const halt of items.filter(h => h.active && h.reason === REASON)) {
    await callBackend(token, `/api/delivery/halts/${halt.id}`, {
      method: 'DELETE',
    });
  }
});

test("the platform admin halts the portal from the Freezes and halts page, the engineer's Promote button says so, and the admin lifts it", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const adminContext = await browser.newContext();
  try {
    const admin = await adminContext.newPage();
    await signInAs(admin, 'platform admin');
    await admin.goto('/delivery');
    await admin.getByRole('button', { name: 'Freezes and halts' }).click();
    const haltForm = admin.getByRole('form', { name: 'Halt promotions' });
    await haltForm.getByRole('textbox', { name: /Reason/ }).fill(REASON);
    await haltForm.getByRole('button', { name: 'Halt', exact: true }).click();
    const inForce = admin.getByRole('list', { name: 'Halts in force' });
    await expect(inForce).toContainText('All promotions are halted since');
    await expect(inForce).toContainText(REASON);

    // The engineer's Promote button is disabled and says who halted it and why.
    await signInAs(page, 'engineer');
    await page.goto(`/catalog/default/component/${COMPONENT}/deployments`);
    const promote = page.getByRole('button', {
      name: 'Promote to Production',
    });
    await expect(promote).toBeDisabled();
    await expect(
      page.getByText(
        /^All promotions are halted since .* by user:default\/platform-admin: Browser test: incident drill\.$/,
      ),
    ).toBeVisible();

    // The admin lifts it; the engineer's tab, never reloaded, follows.
    await inForce.getByRole('button', { name: 'Lift' }).click();
    await expect(admin.getByText('Nothing is halted.')).toBeVisible();
    await expect(promote).toBeEnabled({ timeout: 10_000 });
  } finally {
    await adminContext.close();
  }
});
