import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isReady, serviceStatus } from '../../src/status.ts';

const identity = { service: 'svc', domain: 'dom', version: '1.0.0' };

test('a failing upstream degrades the status but keeps the service ready', () => {
  assert.equal(serviceStatus(identity, 'down').status, 'degraded');
  assert.equal(isReady({ draining: false }), true);
});

test('a service without upstream, or with a healthy one, is ok', () => {
  assert.equal(serviceStatus(identity, 'none').status, 'ok');
  assert.equal(serviceStatus(identity, 'up').status, 'ok');
});

test('a draining service takes no new traffic', () => {
  assert.equal(isReady({ draining: true }), false);
});
