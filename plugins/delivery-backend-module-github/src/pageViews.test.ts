import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { BACKFILL_TASK_ID } from './backfill/GitHubBackfill';
import { CapturedTasks } from './__testUtils__/capturedTasks';
import { GitHubStandIn } from './__testUtils__/GitHubStandIn';
import {
  HELLO_WORLD,
  HELLO_WORLD_REF,
  startWebhookBackend,
} from './__testUtils__/webhookBackend';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;

const DOMAIN: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Domain',
  metadata: { name: 'greetings' },
  spec: { owner: 'team-a' },
};
const SYSTEM: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'hello' },
  spec: { owner: 'team-a', domain: 'greetings' },
};

const dayOf = (offset: number) =>
  new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const WINDOW = `from=${dayOf(-30)}&to=${dayOf(1)}`;

// Every read a page of the portal makes: the entity's tabs, /delivery, the
// domain's page, the approvals inbox, the promotion dialog's history.
const PAGE_READS = [
  '/environments',
  '/entities/component/default/hello-world/environments',
  `/deployments?entityRef=${HELLO_WORLD_REF}`,
  '/deployments?domain=domain:default/greetings',
  '/deployments',
  '/domains/default/greetings/matrix',
  `/dora?entityRef=${HELLO_WORLD_REF}&${WINDOW}&bucket=week`,
  `/dora?${WINDOW}`,
  `/incidents?entityRef=${HELLO_WORLD_REF}`,
  '/promotions?state=pending_approval,approved,executing',
  `/promotions?entityRef=${HELLO_WORLD_REF}`,
  '/promotions?domain=domain:default/greetings',
  '/freeze-windows',
  '/halts',
];

describe('page views', () => {
  const github = new GitHubStandIn();
  let apiBaseUrl: string;
  beforeAll(async () => {
    apiBaseUrl = await github.start();
  });
  afterAll(() => github.stop());

  it('are answered from the store: no request to GitHub, with the backfill on', async () => {
    const now = Date.now();
    const repository = github.repository('Codertocat', 'Hello-World');
    for (let day = 20; day > 0; day--) {
      const commit = repository.commit(now - day * DAY, `Change of day ${day}`);
      repository.deploy(commit.sha, 'production', now - day * DAY + 60_000, [
        ['success', now - day * DAY + 120_000],
      ]);
      repository.run(now - day * DAY);
    }
    const tasks = new CapturedTasks();
    const backend = await startWebhookBackend({
      apiBaseUrl,
      entities: [
        {
          ...HELLO_WORLD,
          spec: { ...HELLO_WORLD.spec, system: 'hello' },
        },
        SYSTEM,
        DOMAIN,
      ],
      github: {
        deployments: {
          environments: [{ github: 'production', environment: 'prod' }],
        },
        backfill: { days: 90 },
      },
      features: [tasks.factory],
    });
    await tasks.run(BACKFILL_TASK_ID);
    expect(await backend.deployments()).toHaveLength(20);
    github.resetCounts();

    for (const path of PAGE_READS) {
      const response = await request(backend.server)
        .get(`/api/delivery${path}`)
        .set('Authorization', mockCredentials.user.header());
      expect({ path, status: response.status }).toEqual({
        path,
        status: 200,
      });
    }

    // The promotion dialog's preview: the version, its changelog, the policy.
    const [latest] = await backend.deployments();
    const preview = await request(backend.server)
      .post('/api/delivery/promotions/preview')
      .set('Authorization', mockCredentials.user.header())
      .send({
        entityRef: HELLO_WORLD_REF,
        environment: 'prod',
        version: latest.version,
      });
    expect(preview.status).toBe(200);

    expect(github.counts.requests).toBe(0);
  });
});
