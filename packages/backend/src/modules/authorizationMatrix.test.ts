import {
  createMockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import fs from 'node:fs';
import { join, resolve } from 'node:path';
import { readMarkdownTable } from './__testUtils__/readmeTable';
import {
  Answer,
  startDemoPortalBackend,
} from './__testUtils__/demoPortalBackend';
import { demoEnvironments } from './__testUtils__/demoEnvironments';

jest.setTimeout(120_000);

const REPOSITORY = resolve(__dirname, '../../../..');
const PARKING = 'component:default/parking-availability-service';
const TRAFFIC = 'component:default/traffic-flow-service';
const BIKES = 'component:default/bike-share-service';

/** The README's columns, in its order, and who stands behind each. */
const principals = [
  ['no token', undefined],
  ['engineer', mockCredentials.user.header('user:default/engineer')],
  [
    "other team's engineer",
    mockCredentials.user.header('user:default/priya-nair'),
  ],
  [
    'platform admin',
    mockCredentials.user.header('user:default/platform-admin'),
  ],
  ['service token', mockCredentials.service.header()],
] as const;

const ENGINEER = principals[1][1];
const ADMIN = principals[3][1];
const SERVICE = principals[4][1];

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString();

function deployment(
  entityRef: string,
  environment: string,
  version: string,
  minutes: number,
) {
  return {
    type: 'deployment',
    id: `ci-${entityRef.split('/')[1]}-${environment}-${version}`,
    entityRef,
    environment,
    version,
    commitSha: `head-${version}`,
    commits: [{ sha: `sha-${version}`, committedAt: minutesAgo(minutes + 30) }],
    status: 'succeeded',
    trigger: 'pipeline',
    startedAt: minutesAgo(minutes + 5),
    finishedAt: minutesAgo(minutes),
  };
}

// Candidates: parking 2.5.0 for prod and 2.6.0 for staging; traffic 1.2.0 for prod, and 1.1.0
// to roll staging back to; bikes 3.0.0 for prod.
const history = [
  deployment(PARKING, 'dev', '2.4.0', 300),
  deployment(PARKING, 'staging', '2.4.0', 280),
  deployment(PARKING, 'prod', '2.4.0', 260),
  deployment(PARKING, 'dev', '2.5.0', 200),
  deployment(PARKING, 'staging', '2.5.0', 180),
  deployment(PARKING, 'dev', '2.6.0', 100),
  deployment(TRAFFIC, 'staging', '1.0.0', 400),
  deployment(TRAFFIC, 'prod', '1.0.0', 380),
  deployment(TRAFFIC, 'staging', '1.1.0', 300),
  deployment(TRAFFIC, 'staging', '1.2.0', 200),
  deployment(BIKES, 'prod', '2.9.0', 400),
  deployment(BIKES, 'staging', '3.0.0', 300),
];

async function start(extraCatalogFiles: string[] = []) {
  const dir = createMockDirectory();
  const backend = await startDemoPortalBackend({
    catalogFiles: [
      join(REPOSITORY, 'examples/org.yaml'),
      join(REPOSITORY, 'examples/domains/smart-city.yaml'),
      join(REPOSITORY, 'examples/domains/journey.yaml'),
      ...extraCatalogFiles,
    ],
    processed: [
      'user/default/priya-nair',
      'component/default/bike-share-service',
      ...(extraCatalogFiles.length ? ['user/default/parking-dev'] : []),
    ],
    delivery: {
      environments: demoEnvironments,
      gitops: { local: { path: join(dir.path, 'gitops') } },
      notifications: { enabled: false },
    },
  });
  const { call } = backend;

  expect(
    (await call(SERVICE, 'POST', '/delivery/events', history)).status,
  ).toBe(200);
  const pending = async (entityRef: string, version: string) => {
    const answer = await call(ENGINEER, 'POST', '/delivery/promotions', {
      entityRef,
      environment: 'prod',
      version,
      reason: 'Weekly release',
    });
    expect(answer).toMatchObject({
      status: 201,
      body: { state: 'pending_approval' },
    });
    return answer.body.id as string;
  };
  const freeze = await call(ADMIN, 'POST', '/delivery/freeze-windows', {
    environment: 'prod',
    start: '2100-12-24T00:00:00Z',
    end: '2100-12-27T00:00:00Z',
    reason: 'Holidays',
  });
  expect(freeze.status).toBe(201);
  const halt = await call(ADMIN, 'POST', '/delivery/halts', {
    scope: 'domain:default/journey',
    reason: 'Incident',
  });
  expect(halt.status).toBe(201);
  return {
    call,
    toApprove: await pending(PARKING, '2.5.0'),
    toReject: await pending(TRAFFIC, '1.2.0'),
    toCancel: await pending(BIKES, '3.0.0'),
    freezeWindow: freeze.body.id as string,
    halt: halt.body.id as string,
  };
}

type Target = Awaited<ReturnType<typeof start>>;
type Request = (t: Target) => [method: string, path: string, body?: unknown];

/** Each README row's request, against the smart-city services above. */
const requests: Record<string, Request> = {
  '`GET /health`': () => ['GET', '/health'],
  '`GET /environments`': () => ['GET', '/environments'],
  '`GET /entities/{kind}/{namespace}/{name}/environments`': () => [
    'GET',
    '/entities/component/default/parking-availability-service/environments',
  ],
  '`GET /deployments`': () => ['GET', `/deployments?entityRef=${PARKING}`],
  '`GET /domains/{namespace}/{name}/matrix`': () => [
    'GET',
    '/domains/default/smart-city/matrix',
  ],
  '`GET /dora`': () => [
    'GET',
    `/dora?${new URLSearchParams({
      entityRef: PARKING,
      from: minutesAgo(60 * 24 * 30),
      to: minutesAgo(0),
    })}`,
  ],
  '`GET /incidents`': () => ['GET', `/incidents?entityRef=${PARKING}`],
  '`GET /pipelines/runs`': () => [
    'GET',
    `/pipelines/runs?entityRef=${PARKING}`,
  ],
  '`GET /pipelines/health`': () => [
    'GET',
    `/pipelines/health?entityRef=${PARKING}`,
  ],
  '`GET /promotions`': () => ['GET', '/promotions'],
  '`GET /promotions/{id}`': t => ['GET', `/promotions/${t.toApprove}`],
  '`POST /promotions/preview`': () => [
    'POST',
    '/promotions/preview',
    { entityRef: PARKING, environment: 'staging', version: '2.6.0' },
  ],
  '`POST /events`': () => [
    'POST',
    '/events',
    deployment(PARKING, 'dev', '2.7.0', 10),
  ],
  '`POST /promotions` (promotion)': () => [
    'POST',
    '/promotions',
    {
      entityRef: PARKING,
      environment: 'staging',
      version: '2.6.0',
      reason: 'Live occupancy for the new garages',
    },
  ],
  '`POST /promotions` (rollback)': () => [
    'POST',
    '/promotions',
    {
      entityRef: TRAFFIC,
      environment: 'staging',
      version: '1.1.0',
      trigger: 'rollback',
      reason: 'Sensor readings dropped',
    },
  ],
  '`POST /promotions/{id}/approve`': t => [
    'POST',
    `/promotions/${t.toApprove}/approve`,
    { comment: 'Go' },
  ],
  '`POST /promotions/{id}/reject`': t => [
    'POST',
    `/promotions/${t.toReject}/reject`,
    { comment: 'Not this week' },
  ],
  '`POST /promotions/{id}/cancel`': t => [
    'POST',
    `/promotions/${t.toCancel}/cancel`,
    {},
  ],
  '`GET /freeze-windows`': () => ['GET', '/freeze-windows'],
  '`POST /freeze-windows`': () => [
    'POST',
    '/freeze-windows',
    {
      environment: 'prod',
      start: '2101-12-24T00:00:00Z',
      end: '2101-12-27T00:00:00Z',
      reason: 'Holidays',
    },
  ],
  '`DELETE /freeze-windows/{id}`': t => [
    'DELETE',
    `/freeze-windows/${t.freezeWindow}`,
  ],
  '`GET /halts`': () => ['GET', '/halts'],
  // Last but one: a halt of smart-city would refuse the promotions above.
  '`POST /halts`': () => [
    'POST',
    '/halts',
    { scope: 'domain:default/smart-city', reason: 'Sensor outage' },
  ],
  '`DELETE /halts/{id}`': t => ['DELETE', `/halts/${t.halt}`],
};

const table = readMarkdownTable(
  join(REPOSITORY, 'README.md'),
  'Who may do what in the demo portal',
);

/** `METHOD /path` of every operation of the delivery API's OpenAPI spec. */
function specOperations(): string[] {
  const spec = fs.readFileSync(
    join(REPOSITORY, 'plugins/delivery-backend/src/schema/openapi.yaml'),
    'utf8',
  );
  const operations: string[] = [];
  let path = '';
  for (const line of spec.slice(spec.indexOf('\npaths:')).split('\n')) {
    path = /^ {2}(\/\S*):$/.exec(line)?.[1] ?? path;
    const method = /^ {4}(get|post|put|patch|delete):$/.exec(line)?.[1];
    if (method) {
      operations.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return operations;
}

describe("the README's table of who may do what", () => {
  it('names every route of the delivery API', () => {
    const routes = table.map(([route]) => route);
    expect(routes.sort()).toEqual(Object.keys(requests).sort());
    // `POST /promotions` (promotion) → POST /promotions
    const operations = routes.map(route => route.replace(/`([^`]*)`.*/, '$1'));
    expect([...new Set(operations)].sort()).toEqual(specOperations().sort());
  });

  it.each(
    principals.map(([name, header], column) => ({ name, header, column })),
  )('holds for the column "$name"', async ({ header, column }) => {
    const target = await start();
    const seen: string[] = [];
    const expected: string[] = [];
    for (const [route, ...statuses] of table) {
      const [method, path, body] = requests[route](target);
      const answer: Answer = await target.call(
        header,
        method,
        `/delivery${path}`,
        body,
      );
      const status = String(answer.status);
      // A surprise shows the answer's message, which says why.
      const why =
        status === statuses[column]
          ? ''
          : ` ${JSON.stringify(answer.body?.error?.message)}`;
      seen.push(`${route}: ${status}${why}`);
      expected.push(`${route}: ${statuses[column]}`);
    }
    expect(seen).toEqual(expected);
  });
});

describe('ownership', () => {
  it("lets a sub-team's member promote what the parent team owns, and tells another team why not", async () => {
    const dir = createMockDirectory({
      content: {
        'sub-team.yaml': `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-smart-city-parking
spec:
  type: sub-team
  parent: team-smart-city
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: parking-dev
spec:
  memberOf: [team-smart-city-parking]
`,
      },
    });
    const { call } = await start([join(dir.path, 'sub-team.yaml')]);
    const promotion = {
      entityRef: PARKING,
      environment: 'staging',
      version: '2.6.0',
      reason: 'New garages',
    };

    const bySubTeam = await call(
      mockCredentials.user.header('user:default/parking-dev'),
      'POST',
      '/delivery/promotions',
      promotion,
    );
    expect(bySubTeam.status).toBe(201);

    const byOtherTeam = await call(
      principals[2][1],
      'POST',
      '/delivery/promotions',
      promotion,
    );
    expect(byOtherTeam.status).toBe(403);
    expect(byOtherTeam.body.error.message).toBe(
      `You may not request a promotion of ${PARKING}`,
    );
  });
});
