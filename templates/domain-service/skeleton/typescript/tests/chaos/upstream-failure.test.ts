import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { startService, type RunningService } from '../../src/service.ts';

// Fault injection: an upstream that the test makes fail, hang or recover.
let mode: 'healthy' | 'failing' | 'hanging' = 'healthy';
let upstream: Server;
let service: RunningService;

before(async () => {
  upstream = createServer((_request, response) => {
    if (mode === 'hanging') return; // never answers
    response.writeHead(mode === 'failing' ? 500 : 200).end();
  });
  await new Promise<void>(resolve => upstream.listen(0, resolve));
  const { port } = upstream.address() as AddressInfo;
  service = await startService(
    {
      service: 'svc',
      domain: 'dom',
      version: '1.0.0',
      upstreamUrl: `http://127.0.0.1:${port}`,
      upstreamTimeoutMs: 300,
    },
    0,
  );
});

after(async () => {
  await service.drain();
  upstream.closeAllConnections();
  await new Promise(resolve => upstream.close(resolve));
});

async function status() {
  const started = Date.now();
  const response = await fetch(`${service.url}/api/status`);
  return {
    code: response.status,
    body: await response.json(),
    ms: Date.now() - started,
  };
}

test('degrades, and stays ready, when the upstream fails', async () => {
  mode = 'failing';
  const { code, body } = await status();
  assert.equal(code, 200);
  assert.equal(body.status, 'degraded');
  assert.equal((await fetch(`${service.url}/readyz`)).status, 200);
});

test('answers within its timeout when the upstream hangs', async () => {
  mode = 'hanging';
  const { body, ms } = await status();
  assert.equal(body.upstream, 'down');
  assert.ok(ms < 2000, `took ${ms} ms`);
});

test('recovers as soon as the upstream does', async () => {
  mode = 'healthy';
  assert.equal((await status()).body.status, 'ok');
});
