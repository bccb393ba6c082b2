// Waits until the fresh app answers: the backend's readiness, the frontend's page and the
// READMEs' example entity as the delivery plugin sees it in the catalog (the catalog reads its
// file location a little after start).
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

/** Resolves when backend, frontend and the example entity are there; `token` calls the delivery API. */
export async function waitUntilReady({
  entityRef,
  token,
  timeoutMs = 300_000,
}) {
  await waitFor(
    'backend',
    () => answers(`${BACKEND_URL}/.backstage/health/v1/readiness`),
    timeoutMs,
  );
  await waitFor('frontend', () => answers(FRONTEND_URL), timeoutMs);
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  await waitFor(
    `${entityRef} in the delivery API`,
    () =>
      answers(
        `${BACKEND_URL}/api/delivery/entities/${kind}/${namespace}/${name}/environments`,
        { headers: { authorization: `Bearer ${token}` } },
      ),
    timeoutMs,
  );
}
