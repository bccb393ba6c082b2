import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startService } from '../../src/service.ts';

// Blue-green: the new version (green) must pass these checks before traffic
// moves to it, and the old one (blue) must drain without dropping requests.
// With SERVICE_URL set (after a deployment) the checks run against it, and
// VERSION, when set, is the version it must serve.

async function assertServes(baseUrl: string, version?: string) {
  assert.equal((await fetch(`${baseUrl}/readyz`)).status, 200, 'ready');
  const served = await (await fetch(`${baseUrl}/version`)).json();
  if (version) {
    assert.equal(served.version, version);
  }
  assert.equal((await fetch(`${baseUrl}/api/status`)).status, 200);
}

if (process.env.SERVICE_URL) {
  test('the deployed environment serves the new version', async () => {
    await assertServes(process.env.SERVICE_URL!, process.env.VERSION);
  });
} else {
  test('green passes its checks, then blue drains without dropping a request', async () => {
    const options = { service: 'svc', domain: 'dom', upstreamTimeoutMs: 200 };
    const blue = await startService({ ...options, version: '1.0.0' }, 0);
    const green = await startService({ ...options, version: '1.1.0' }, 0);

    await assertServes(green.url, '1.1.0');

    // A request in flight on blue while it drains still gets its answer.
    const inFlight = fetch(`${blue.url}/api/status`);
    const drained = blue.drain();
    assert.equal((await inFlight).status, 200);
    await drained;
    await assert.rejects(fetch(`${blue.url}/healthz`));

    await green.drain();
  });
}
