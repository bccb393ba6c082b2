import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startService, type RunningService } from '../../src/service.ts';

let service: RunningService;

before(async () => {
  service = await startService(
    { service: 'svc', domain: 'dom', version: '1.2.3', upstreamTimeoutMs: 200 },
    0,
  );
});

after(() => service.drain());

test('answers its probes over HTTP', async () => {
  assert.equal((await fetch(`${service.url}/healthz`)).status, 200);
  assert.equal((await fetch(`${service.url}/readyz`)).status, 200);
});

test('tells which version runs, as the pipeline checks after a deployment', async () => {
  const body = await (await fetch(`${service.url}/version`)).json();
  assert.deepEqual(body, { service: 'svc', domain: 'dom', version: '1.2.3' });
});

test('answers unknown paths with 404', async () => {
  assert.equal((await fetch(`${service.url}/nope`)).status, 404);
});
