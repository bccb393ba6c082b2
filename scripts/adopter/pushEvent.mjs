// Pushes one deployment event for the READMEs' example entity the way CI does: POST
// /api/delivery/events with the static token that the READMEs' app-config gives CI.
import { randomBytes } from 'node:crypto';
import { BACKEND_URL } from './testSetup.mjs';

/** Stores a succeeded deployment of `version` in the first configured environment. */
export async function pushDeployment({ entityRef, version, token }) {
  const headers = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  };
  const environments = await fetch(`${BACKEND_URL}/api/delivery/environments`, {
    headers,
  }).then(r => r.json());
  const environment = environments.items?.[0]?.name;
  if (!environment) {
    throw new Error(
      `no environment configured: ${JSON.stringify(environments)}`,
    );
  }
  const finishedAt = new Date();
  const event = {
    type: 'deployment',
    id: `adopter-test-${version}`,
    entityRef,
    environment,
    version,
    commitSha: randomBytes(20).toString('hex'),
    status: 'succeeded',
    trigger: 'pipeline',
    startedAt: new Date(finishedAt.getTime() - 60_000).toISOString(),
    finishedAt: finishedAt.toISOString(),
  };
  const response = await fetch(`${BACKEND_URL}/api/delivery/events`, {
    method: 'POST',
    headers,
    body: JSON.stringify(event),
  });
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(
      `POST /api/delivery/events answered ${response.status}: ${body}`,
    );
  }
  console.log(`[event] ${version} of ${entityRef} in ${environment}: ${body}`);
  await expectVersionReadableByCi({ entityRef, environment, version, headers });
  return { environment };
}

/**
 * CI reads too (a pipeline waiting for its promotion): the entity's environments answer
 * with the same token, though it is restricted to the delivery plugin and the backend asks
 * the catalog for the entity.
 */
async function expectVersionReadableByCi({
  entityRef,
  environment,
  version,
  headers,
}) {
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  const response = await fetch(
    `${BACKEND_URL}/api/delivery/entities/${kind}/${namespace}/${name}/environments`,
    { headers },
  );
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(
      `GET ${entityRef}'s environments with the CI token answered ${response.status}: ${body}`,
    );
  }
  const running = JSON.parse(body).items?.find(
    item => item.environment?.name === environment,
  )?.current?.version;
  if (running !== version) {
    throw new Error(
      `${entityRef}'s environments do not show ${version} in ${environment}: ${body}`,
    );
  }
  console.log(`[event] the CI token reads ${version} back from ${environment}`);
}
