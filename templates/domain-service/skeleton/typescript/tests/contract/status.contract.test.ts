import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { startService, type RunningService } from '../../src/service.ts';

// The contract consumers rely on, checked against this build or, with
// SERVICE_URL set, against a deployed environment.
const contract = JSON.parse(
  readFileSync(
    new URL('../../contracts/status.schema.json', import.meta.url),
    'utf8',
  ),
);

function violations(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const field of contract.required as string[]) {
    if (!(field in body)) {
      problems.push(`${field} is missing`);
    }
  }
  for (const [field, rule] of Object.entries<{
    type?: string;
    enum?: unknown[];
  }>(contract.properties)) {
    const value = body[field];
    if (value === undefined) continue;
    if (rule.type && typeof value !== rule.type)
      problems.push(`${field} is not a ${rule.type}`);
    if (rule.enum && !rule.enum.includes(value))
      problems.push(`${field} is not one of ${rule.enum.join(', ')}`);
  }
  return problems;
}

let local: RunningService | undefined;
let baseUrl = process.env.SERVICE_URL ?? '';

before(async () => {
  if (!baseUrl) {
    local = await startService(
      {
        service: 'svc',
        domain: 'dom',
        version: '1.0.0',
        upstreamTimeoutMs: 200,
      },
      0,
    );
    baseUrl = local.url;
  }
});

after(() => local?.drain());

test('GET /api/status keeps its contract', async () => {
  const response = await fetch(`${baseUrl}/api/status`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /application\/json/);
  assert.deepEqual(violations(await response.json()), []);
});

test('the contract check notices a broken answer', () => {
  assert.deepEqual(
    violations({ service: 'svc', domain: 'dom', version: 1, status: 'fine' }),
    [
      'upstream is missing',
      'version is not a string',
      'status is not one of ok, degraded',
    ],
  );
});
