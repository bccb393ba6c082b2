import {
  createMockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import fs from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { startDemoPortalBackend } from './__testUtils__/demoPortalBackend';
import { demoEnvironments } from './__testUtils__/demoEnvironments';

jest.setTimeout(60_000);

const ENGINEER = 'user:default/engineer';
const PLATFORM_ADMIN = 'user:default/platform-admin';
const COMPONENT = 'component:default/parking-availability-service';
const REPOSITORY = resolve(__dirname, '../../../..');

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString();

function deployment(environment: string, version: string, minutes: number) {
  return {
    type: 'deployment',
    id: `ci-${environment}-${version}`,
    entityRef: COMPONENT,
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

/** The commit message of a loose object in the repository, as isomorphic-git writes them. */
function commitMessage(dir: string, sha: string): string {
  const object = inflateSync(
    fs.readFileSync(join(dir, '.git/objects', sha.slice(0, 2), sha.slice(2))),
  ).toString('utf8');
  return object.slice(object.indexOf('\n\n') + 2);
}

describe('the demo promotion flow', () => {
  const mockDir = createMockDirectory();

  it('lets the engineer promote to staging, request prod, and only the platform admin approve it', async () => {
    const gitops = join(mockDir.path, 'gitops');
    // The real catalog with the demo's people and smart-city services: the engineer's team
    // owns the component, which the policy asks the catalog about.
    const backend = await startDemoPortalBackend({
      catalogFiles: [
        join(REPOSITORY, 'examples/org.yaml'),
        join(REPOSITORY, 'examples/domains/smart-city.yaml'),
      ],
      processed: [
        'user/default/engineer',
        'component/default/parking-availability-service',
      ],
      delivery: {
        environments: demoEnvironments,
        gitops: { local: { path: gitops } },
        notifications: { enabled: false },
      },
    });
    const call = (
      authorization: string,
      method: 'GET' | 'POST',
      path: string,
      body?: object,
    ) => backend.call(authorization, method, `/delivery${path}`, body);
    const engineer = mockCredentials.user.header(ENGINEER);
    const platformAdmin = mockCredentials.user.header(PLATFORM_ADMIN);
    const waitFor = async (id: string, state: string) => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const { body } = await call(engineer, 'GET', `/promotions/${id}`);
        if (body.state === state || body.state === 'failed') {
          return body;
        }
        await new Promise(done => setTimeout(done, 25));
      }
      throw new Error(`Promotion ${id} never became ${state}`);
    };

    const events = await call(
      mockCredentials.service.header(),
      'POST',
      '/events',
      [
        deployment('dev', '2.4.0', 240),
        deployment('staging', '2.4.0', 200),
        deployment('prod', '2.4.0', 180),
        deployment('dev', '2.5.0', 150),
      ],
    );
    expect(events.status).toBe(200);

    // Staging needs no approval: the engineer's promotion is executed straight away.
    const staging = await call(engineer, 'POST', '/promotions', {
      entityRef: COMPONENT,
      environment: 'staging',
      version: '2.5.0',
      reason: 'Live occupancy for the new garages',
    });
    expect(staging.status).toBe(201);
    expect(staging.body.state).toBe('approved');
    expect((await waitFor(staging.body.id, 'succeeded')).state).toBe(
      'succeeded',
    );

    // Production waits for a platform admin.
    const prodHistory = await call(
      mockCredentials.service.header(),
      'POST',
      '/events',
      deployment('staging', '2.5.1', 120),
    );
    expect(prodHistory.status).toBe(200);
    const prod = await call(engineer, 'POST', '/promotions', {
      entityRef: COMPONENT,
      environment: 'prod',
      version: '2.5.1',
      reason: 'Weekly release',
    });
    expect(prod.status).toBe(201);
    expect(prod.body).toMatchObject({
      state: 'pending_approval',
      approvers: ['group:default/platform-admins'],
    });

    const byEngineer = await call(
      engineer,
      'POST',
      `/promotions/${prod.body.id}/approve`,
      {},
    );
    expect(byEngineer.status).toBe(403);

    const byAdmin = await call(
      platformAdmin,
      'POST',
      `/promotions/${prod.body.id}/approve`,
      { comment: 'Approved for the weekly release' },
    );
    expect(byAdmin.status).toBe(200);
    const done = await waitFor(prod.body.id, 'succeeded');
    expect(done.state).toBe('succeeded');
    expect(done.transitions.map((t: { to: string }) => t.to)).toEqual([
      'pending_approval',
      'approved',
      'executing',
      'succeeded',
    ]);

    // A real commit in the local GitOps repository, at the head of main.
    const head = fs
      .readFileSync(join(gitops, '.git/refs/heads/main'), 'utf8')
      .trim();
    expect(head).toBe(done.gitopsCommitSha);
    const message = commitMessage(gitops, head);
    expect(message).toContain(`Promotion: ${prod.body.id}`);
    expect(message).toContain(`Approved-by: ${PLATFORM_ADMIN}`);
    expect(message).toContain('Version: 2.5.1 (was 2.4.0)');
    expect(
      fs.readFileSync(
        join(
          gitops,
          'apps/smart-city/parking-availability-service/values-prod.yaml',
        ),
        'utf8',
      ),
    ).toContain('tag: "2.5.1"');
  });
});
