import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import deliveryPlugin from '@domain-delivery/backstage-plugin-delivery-backend';
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { permissionModuleDemoPolicy } from './demoPermissionPolicy';

jest.setTimeout(60_000);

const ENGINEER = 'user:default/engineer';
const PLATFORM_ADMIN = 'user:default/platform-admin';
const COMPONENT = 'component:default/parking-availability-service';

// The demo's people, as examples/org.yaml has them.
const GROUPS: Record<string, string[]> = {
  [ENGINEER]: ['group:default/team-smart-city'],
  [PLATFORM_ADMIN]: ['group:default/platform-admins'],
};

// A smart-city component of examples/domains/smart-city.yaml.
const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'parking-availability-service',
    annotations: {
      'domain-delivery.io/service': 'parking-availability-service',
      'domain-delivery.io/gitops-path':
        'apps/smart-city/parking-availability-service',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-smart-city',
    system: 'urban-mobility',
  },
};

// app-config.yaml's delivery.environments. The test states them itself so that
// a freeze window added to the demo's configuration cannot make it depend on
// the day it runs.
const environments = [
  { name: 'dev', title: 'Development', executor: { type: 'gitops-local' } },
  {
    name: 'staging',
    title: 'Staging',
    promotion: { from: 'dev' },
    executor: { type: 'gitops-local' },
  },
  {
    name: 'prod',
    title: 'Production',
    production: true,
    promotion: {
      from: 'staging',
      requiredApprovals: 1,
      approvers: ['group:default/platform-admins'],
      allowSelfApproval: false,
      minimumSoakTime: '1h',
    },
    executor: { type: 'gitops-local' },
  },
];

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
    const { server } = await startTestBackend({
      features: [
        deliveryPlugin,
        permissionPlugin,
        permissionModuleDemoPolicy,
        catalogServiceMock.factory({ entities: [component] }),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            delivery: {
              environments,
              gitops: { local: { path: gitops } },
              notifications: { enabled: false },
            },
          },
        }),
        createServiceFactory({
          service: coreServices.userInfo,
          deps: {},
          factory: () => ({
            async getUserInfo(credentials: BackstageCredentials) {
              const ref = (credentials.principal as { userEntityRef: string })
                .userEntityRef;
              return {
                userEntityRef: ref,
                ownershipEntityRefs: [ref, ...(GROUPS[ref] ?? [])],
              };
            },
          }),
        }),
      ],
    });
    const base = `http://localhost:${
      (server.address() as AddressInfo).port
    }/api/delivery`;
    const call = async (
      authorization: string,
      method: 'GET' | 'POST',
      path: string,
      body?: object,
    ) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization, 'content-type': 'application/json' },
        ...(body && { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: await response.json() };
    };
    const engineer = mockCredentials.user.header(ENGINEER);
    const platformAdmin = mockCredentials.user.header(PLATFORM_ADMIN);
    const waitFor = async (id: string, state: string) => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const { body } = await call(engineer, 'GET', `/promotions/${id}`);
        if (body.state === state || body.state === 'failed') {
          return body;
        }
        await new Promise(resolve => setTimeout(resolve, 25));
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
