import { createMockDirectory } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { join } from 'node:path';
import {
  ADMIN,
  ENGINEER,
  OTHER_ADMIN,
  OUTSIDER,
  TEAMMATE,
  deployed,
  environmentsConfig,
  smartCityComponent,
  startPromotionBackend,
} from '../__testUtils__/startPromotionBackend';

jest.setTimeout(60_000);

const PARKING = 'component:default/parking-api';

describe('promotion approvals', () => {
  const mockDir = createMockDirectory();
  beforeEach(() => mockDir.clear());

  async function start(
    promotion: JsonObject,
    options: { everyoneMayApprove?: boolean } = {},
  ) {
    const backend = await startPromotionBackend({
      ...options,
      entities: [smartCityComponent('parking-api')],
      config: {
        delivery: {
          environments: environmentsConfig({ promotion }),
          gitops: { local: { path: join(mockDir.path, 'gitops') } },
          notifications: { enabled: true },
        },
      },
    });
    await backend.postEvents([
      deployed('parking-api', 'staging', '1.1.0', 500),
      deployed('parking-api', 'prod', '1.1.0', 400),
      deployed('parking-api', 'staging', '1.2.0', 120),
    ]);
    return backend;
  }

  const prodRequest = {
    entityRef: PARKING,
    environment: 'prod',
    version: '1.2.0',
    reason: 'Release 1.2.0',
  };

  it("never counts the requester's own approval unless the policy allows it", async () => {
    const { as, waitForState } = await start({});
    const admin = as(ADMIN);

    const requested = await admin.post('/promotions', prodRequest);
    const own = await admin.post(`/promotions/${requested.body.id}/approve`);
    expect(own.status).toBe(403);
    expect(own.body.error.message).toBe(
      `You requested promotion ${requested.body.id}, and the policy of prod does not let a requester approve their own promotion; another approver must`,
    );

    const other = await as(OTHER_ADMIN).post(
      `/promotions/${requested.body.id}/approve`,
    );
    expect(other.status).toBe(200);
    expect((await waitForState(requested.body.id, ['succeeded'])).state).toBe(
      'succeeded',
    );
  });

  it('lets a requester approve when self-approval is allowed', async () => {
    const { as } = await start({ allowSelfApproval: true });
    const admin = as(ADMIN);
    const requested = await admin.post('/promotions', prodRequest);
    const own = await admin.post(`/promotions/${requested.body.id}/approve`);
    expect(own.status).toBe(200);
    expect(own.body.approvals).toEqual([
      expect.objectContaining({ approver: ADMIN }),
    ]);
  });

  it('needs distinct approvers', async () => {
    const { engineer, as, waitForState } = await start({
      requiredApprovals: 2,
    });
    const { id } = (await engineer.post('/promotions', prodRequest)).body;

    const first = await as(ADMIN).post(`/promotions/${id}/approve`, {
      comment: 'Looks good',
    });
    expect(first.body).toMatchObject({ state: 'pending_approval' });
    expect(first.body.approvals).toHaveLength(1);

    const twice = await as(ADMIN).post(`/promotions/${id}/approve`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe(
      `You have already approved promotion ${id}`,
    );

    const second = await as(OTHER_ADMIN).post(`/promotions/${id}/approve`);
    expect(second.status).toBe(200);
    const done = await waitForState(id, ['succeeded']);
    expect(done.approvals.map(a => a.approver)).toEqual([ADMIN, OTHER_ADMIN]);
  });

  it("takes 'owner' as the entity's owning group, whose members approve", async () => {
    const { engineer, as } = await start(
      { approvers: ['owner'] },
      { everyoneMayApprove: true },
    );
    const requested = await engineer.post('/promotions', prodRequest);
    const { id } = requested.body;
    expect(requested.body.approvers).toEqual(['group:default/team-smart-city']);

    const outsider = await as(OUTSIDER).post(`/promotions/${id}/approve`);
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.message).toBe(
      'You are not an approver of promotions into prod; the approvers are group:default/team-smart-city',
    );
    const admin = await as(ADMIN).post(`/promotions/${id}/approve`);
    expect(admin.status).toBe(403);

    const teammate = await as(TEAMMATE).post(`/promotions/${id}/approve`);
    expect(teammate.status).toBe(200);
    expect(teammate.body.approvals).toEqual([
      expect.objectContaining({ approver: TEAMMATE }),
    ]);
    expect(teammate.body.state).not.toBe('pending_approval');
  });

  it('ends a promotion with a rejection, and refuses what the state machine does not allow', async () => {
    const { engineer, admin, sent } = await start({});
    const { body } = await engineer.post('/promotions', prodRequest);

    const noComment = await admin.post(`/promotions/${body.id}/reject`, {});
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.message).toBe('comment must say why');

    const rejected = await admin.post(`/promotions/${body.id}/reject`, {
      comment: 'Not during the city marathon',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.state).toBe('rejected');
    expect(rejected.body.transitions[1]).toMatchObject({
      from: 'pending_approval',
      to: 'rejected',
      actor: ADMIN,
      comment: 'Not during the city marathon',
    });
    expect(sent[sent.length - 1]?.payload).toMatchObject({
      title: `Promotion of ${PARKING} to 1.2.0 in prod was rejected`,
      description: `${ADMIN}: Not during the city marathon`,
    });

    const approve = await admin.post(`/promotions/${body.id}/approve`);
    expect(approve.status).toBe(409);
    const cancel = await engineer.post(`/promotions/${body.id}/cancel`);
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.message).toBe(
      `Promotion ${body.id} is rejected; it can only become cancelled while pending_approval or approved`,
    );

    // A rejection closes it: the same promotion may be requested again.
    expect((await engineer.post('/promotions', prodRequest)).status).toBe(201);
  });

  it('lets the requester or an approver cancel, nobody else', async () => {
    const { engineer, as } = await start({});
    const first = await engineer.post('/promotions', prodRequest);

    const byTeammate = await as(TEAMMATE).post(
      `/promotions/${first.body.id}/cancel`,
    );
    expect(byTeammate.status).toBe(403);
    expect(byTeammate.body.error.message).toBe(
      `Only ${ENGINEER}, who requested promotion ${first.body.id}, or an approver may cancel it`,
    );

    const cancelled = await engineer.post(
      `/promotions/${first.body.id}/cancel`,
      {
        comment: 'Wrong version',
      },
    );
    expect(cancelled.body).toMatchObject({ state: 'cancelled' });
    expect(cancelled.body.transitions[1]).toMatchObject({
      actor: ENGINEER,
      comment: 'Wrong version',
    });

    const second = await engineer.post('/promotions', prodRequest);
    const byAdmin = await as(ADMIN).post(
      `/promotions/${second.body.id}/cancel`,
    );
    expect(byAdmin.body).toMatchObject({ state: 'cancelled' });
  });
});
