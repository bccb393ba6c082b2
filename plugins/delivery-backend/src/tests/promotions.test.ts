import { createMockDirectory } from '@backstage/backend-test-utils';
import git from 'isomorphic-git';
import fs from 'node:fs';
import { join } from 'node:path';
import {
  ADMIN,
  ENGINEER,
  OUTSIDER,
  deployed,
  environmentsConfig,
  smartCityComponent,
  startPromotionBackend,
} from '../__testUtils__/startPromotionBackend';

jest.setTimeout(60_000);

const PARKING = 'component:default/parking-api';

describe('promotions', () => {
  const mockDir = createMockDirectory();
  const gitops = () => join(mockDir.path, 'gitops');

  beforeEach(() => mockDir.clear());

  async function start(prod = {}) {
    const backend = await startPromotionBackend({
      entities: [smartCityComponent('parking-api')],
      config: {
        delivery: {
          environments: environmentsConfig(prod),
          gitops: { local: { path: gitops() } },
          notifications: { enabled: true },
        },
      },
    });
    const history = [
      deployed('parking-api', 'dev', '1.1.0', 600, [
        { sha: 'c1', minutesAgo: 700 },
      ]),
      deployed('parking-api', 'staging', '1.1.0', 500),
      deployed('parking-api', 'prod', '1.1.0', 400),
      deployed('parking-api', 'dev', '1.2.0', 300, [
        { sha: 'c2', minutesAgo: 320 },
        { sha: 'c3', minutesAgo: 310 },
      ]),
      deployed('parking-api', 'staging', '1.2.0', 120, [
        { sha: 'c2', minutesAgo: 320 },
        { sha: 'c3', minutesAgo: 310 },
      ]),
      deployed('parking-api', 'dev', '1.3.0', 30, [
        { sha: 'c4', minutesAgo: 40 },
      ]),
    ];
    expect((await backend.postEvents(history)).status).toBe(200);
    return backend;
  }

  it('promotes into staging straight away and records the deployment in the history', async () => {
    const { engineer, waitForState } = await start();

    const requested = await engineer.post('/promotions', {
      entityRef: PARKING,
      environment: 'staging',
      version: '1.3.0',
      reason: 'New parking zones',
    });

    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({
      entityRef: PARKING,
      environment: 'staging',
      version: '1.3.0',
      fromVersion: '1.2.0',
      trigger: 'promotion',
      state: 'approved',
      requestedBy: ENGINEER,
      requiredApprovals: 0,
      approvals: [],
      warnings: [],
    });

    const done = await waitForState(requested.body.id, ['succeeded', 'failed']);
    expect(done.state).toBe('succeeded');
    expect(done.transitions!.map(t => [t.from, t.to, t.actor])).toEqual([
      [undefined, 'approved', ENGINEER],
      ['approved', 'executing', 'plugin:delivery'],
      ['executing', 'succeeded', 'plugin:delivery'],
    ]);
    expect(done.deploymentId).toBe(`promotion-${requested.body.id}`);
    expect(done.gitopsCommitSha).toMatch(/^[0-9a-f]{40}$/);

    // The deployment is in the history like any other.
    const history = await engineer.get(
      `/deployments?entityRef=${PARKING}&environment=staging&limit=1`,
    );
    expect(history.body.items[0]).toMatchObject({
      id: `promotion-${requested.body.id}`,
      version: '1.3.0',
      status: 'succeeded',
      trigger: 'promotion',
      commitSha: 'head-1.3.0',
      actor: ENGINEER,
      commits: [expect.objectContaining({ sha: 'c4' })],
    });

    // And in the GitOps repository, as a real commit.
    const [head] = await git.log({ fs, dir: gitops(), depth: 1 });
    expect(head.oid).toBe(done.gitopsCommitSha);
    expect(head.commit.message).toContain(`Promotion: ${requested.body.id}`);
    expect(
      fs.readFileSync(
        join(gitops(), 'apps/smart-city/parking-api/values-staging.yaml'),
        'utf8',
      ),
    ).toContain('tag: "1.3.0"');
  });

  it('makes a production promotion wait for an approver, then executes it', async () => {
    const { engineer, admin, as, sent, waitForState } = await start();

    const requested = await engineer.post('/promotions', {
      entityRef: PARKING,
      environment: 'prod',
      version: '1.2.0',
      reason: 'Release 1.2.0',
    });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({
      state: 'pending_approval',
      requiredApprovals: 1,
      approvers: ['group:default/platform-admins'],
      allowSelfApproval: false,
    });
    const { id } = requested.body;
    expect(sent).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: ['group:default/platform-admins'],
          excludeEntityRef: ENGINEER,
        },
        payload: expect.objectContaining({
          title: `Promotion of ${PARKING} to 1.2.0 in prod waits for your approval`,
          description: `${ENGINEER} asks: Release 1.2.0`,
          link: '/catalog/default/component/parking-api',
        }),
      },
    ]);

    // The engineer holds no approve permission; an outsider is no approver.
    const byEngineer = await engineer.post(`/promotions/${id}/approve`, {});
    expect(byEngineer.status).toBe(403);
    expect(byEngineer.body.error.message).toBe(
      'You may not approve or reject promotions',
    );
    expect((await as(OUTSIDER).post(`/promotions/${id}/approve`)).status).toBe(
      403,
    );

    const approved = await admin.post(`/promotions/${id}/approve`, {
      comment: 'Go',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.approvals).toEqual([
      { approver: ADMIN, approvedAt: expect.any(String), comment: 'Go' },
    ]);
    expect(['approved', 'executing', 'succeeded']).toContain(
      approved.body.state,
    );

    const done = await waitForState(id, ['succeeded', 'failed']);
    expect(done.state).toBe('succeeded');
    expect(done.transitions!.map(t => t.to)).toEqual([
      'pending_approval',
      'approved',
      'executing',
      'succeeded',
    ]);
    expect(done.transitions![1]).toMatchObject({ actor: ADMIN, comment: 'Go' });

    const [head] = await git.log({ fs, dir: gitops(), depth: 1 });
    expect(head.commit.message).toContain(`Approved-by: ${ADMIN}`);
    expect(head.commit.message).toContain('Version: 1.2.0 (was 1.1.0)');

    expect(sent.slice(1).map(n => [n.recipients, n.payload.title])).toEqual([
      [
        { type: 'entity', entityRef: ENGINEER },
        `Promotion of ${PARKING} to 1.2.0 in prod was approved`,
      ],
      [
        { type: 'entity', entityRef: ENGINEER },
        `Promotion of ${PARKING} to 1.2.0 in prod succeeded`,
      ],
    ]);

    // Approving again is an illegal transition.
    const again = await admin.post(`/promotions/${id}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      `Promotion ${id} is succeeded; only a promotion that is pending_approval can be approved`,
    );
  });

  it('lists promotions by state and entity, and answers 404 for an unknown one', async () => {
    const { engineer } = await start();
    const prod = await engineer.post('/promotions', {
      entityRef: PARKING,
      environment: 'prod',
      version: '1.2.0',
      reason: 'Release',
    });

    const pending = await engineer.get(
      `/promotions?state=pending_approval&entityRef=${PARKING}`,
    );
    expect(pending.status).toBe(200);
    expect(pending.body.items.map((p: { id: string }) => p.id)).toEqual([
      prod.body.id,
    ]);
    expect(pending.body.items[0].transitions).toBeUndefined();
    expect(
      (await engineer.get('/promotions?state=succeeded,failed')).body.items,
    ).toEqual([]);

    const bad = await engineer.get('/promotions?state=waiting');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/state 'waiting' is not one of/);
    expect((await engineer.get('/promotions/nope')).status).toBe(404);
  });

  it('fails a promotion whose executor fails, saying why, and tells the requester', async () => {
    const { engineer, sent, waitForState } = await start();
    // A file where the repository's folder should be makes the commit fail.
    mockDir.setContent({
      'gitops/apps/smart-city/parking-api': 'not a folder',
    });
    await git.init({ fs, dir: gitops() });

    const requested = await engineer.post('/promotions', {
      entityRef: PARKING,
      environment: 'staging',
      version: '1.3.0',
      reason: 'New parking zones',
    });
    const done = await waitForState(requested.body.id, ['succeeded', 'failed']);

    expect(done.state).toBe('failed');
    expect(done.message).toBeTruthy();
    expect(done.transitions![2]).toMatchObject({
      from: 'executing',
      to: 'failed',
      comment: done.message,
    });
    expect(sent.map(n => n.payload.title)).toEqual([
      `Promotion of ${PARKING} to 1.3.0 in staging failed`,
    ]);
  });
});
