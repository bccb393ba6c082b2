import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
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
    // A slow upstream keeps a request in flight long enough to drain under it.
    const upstream = createServer((_request, response) => {
      setTimeout(() => response.writeHead(200).end(), 200);
    });
    await new Promise<void>(resolve => upstream.listen(0, resolve));
    const upstreamUrl = `http://127.0.0.1:${
      (upstream.address() as AddressInfo).port
    }`;
    const options = {
      service: 'svc',
      domain: 'dom',
      upstreamUrl,
      upstreamTimeoutMs: 1000,
    };
    const blue = await startService({ ...options, version: '1.0.0' }, 0);
    const green = await startService({ ...options, version: '1.1.0' }, 0);

    await assertServes(green.url, '1.1.0');

    const inFlight = fetch(`${blue.url}/api/status`);
    await sleep(50);
    const drained = blue.drain();
    const answer = await inFlight;
    assert.equal(answer.status, 200);
    assert.equal((await answer.json()).version, '1.0.0');
    await drained;
    await assert.rejects(fetch(`${blue.url}/healthz`));

    await green.drain();
    upstream.closeAllConnections();
    await new Promise(resolve => upstream.close(resolve));
  });
}
