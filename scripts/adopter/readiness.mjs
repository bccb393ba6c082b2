// Waits until the fresh app answers: the backend's readiness, the frontend's page and the
// READMEs' example entity in the catalog, as the guest a person signs in as sees it (the catalog
// reads its file location a little after start).
import { BACKEND_URL, FRONTEND_URL } from './testSetup.mjs';

async function answers(url, init) {
  try {
    const response = await fetch(url, init);
    return response.ok;
  } catch {
    return false;
  }
}

async function waitFor(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`${what} did not answer within ${timeoutMs / 1000} s`);
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  console.log(`[ready] ${what}`);
}

/** A guest user's Backstage token, as the app's sign-in page obtains it. */
async function guestToken() {
  const response = await fetch(`${BACKEND_URL}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(
      `guest sign-in answered ${response.status}: ${await response.text()}`,
    );
  }
  return (await response.json()).backstageIdentity.token;
}

/** Resolves when backend, frontend and the example entity are there. */
export async function waitUntilReady({ entityRef, timeoutMs = 300_000 }) {
  await waitFor(
    'backend',
    () => answers(`${BACKEND_URL}/.backstage/health/v1/readiness`),
    timeoutMs,
  );
  await waitFor('frontend', () => answers(FRONTEND_URL), timeoutMs);
  const token = await guestToken();
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  await waitFor(
    `${entityRef} in the catalog`,
    () =>
      answers(
        `${BACKEND_URL}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
        { headers: { authorization: `Bearer ${token}` } },
      ),
    timeoutMs,
  );
}
