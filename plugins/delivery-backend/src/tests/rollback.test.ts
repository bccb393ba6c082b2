import { localGitOpsPromotionBackend } from '../__testUtils__/localGitOpsPromotionBackend';
import {
  deployed,
  smartCityComponent,
} from '../__testUtils__/startPromotionBackend';
import { weeklyWindowAroundNow } from '../__testUtils__/weeklyWindow';

jest.setTimeout(60_000);

const PARKING = 'component:default/parking-api';

describe('rollbacks', () => {
  const start = localGitOpsPromotionBackend({
    entities: [smartCityComponent('parking-api')],
    history: () => [
      deployed('parking-api', 'staging', '1.1.0', 900),
      deployed('parking-api', 'prod', '1.1.0', 800),
      deployed('parking-api', 'staging', '1.2.0', 500),
      deployed('parking-api', 'prod', '1.2.0', 300),
    ],
  });

  it('rolls back to a version that ran before, marks the one rolled back from, and warns when it is offered again', async () => {
    const { engineer, admin, waitForState } = await start({
      freezeWindows: [weeklyWindowAroundNow()],
    });

    // A rollback goes through the freeze, though not around the approval.
    const rollback = await engineer.post('/promotions', {
      entityRef: PARKING,
      environment: 'prod',
      version: '1.1.0',
      reason: 'Parking counts are wrong since 1.2.0',
      trigger: 'rollback',
    });
    expect(rollback.status).toBe(201);
    expect(rollback.body).toMatchObject({
      trigger: 'rollback',
      fromVersion: '1.2.0',
      state: 'pending_approval',
      warnings: [],
    });
    await admin.post(`/promotions/${rollback.body.id}/approve`);
    const done = await waitForState(rollback.body.id, ['succeeded', 'failed']);
    expect(done.state).toBe('succeeded');

    const [latest] = (
      await engineer.get(
        `/deployments?entityRef=${PARKING}&environment=prod&limit=1`,
      )
    ).body.items;
    expect(latest).toMatchObject({
      id: `promotion-${rollback.body.id}`,
      version: '1.1.0',
      trigger: 'rollback',
      commits: [],
    });

    // 1.2.0 is not refused, but whoever asks for it again is warned.
    const preview = await engineer.post('/promotions/preview', {
      entityRef: PARKING,
      environment: 'prod',
      version: '1.2.0',
    });
    expect(preview.body.warnings).toEqual([
      {
        code: 'rolled_back_version',
        message: expect.stringMatching(
          /^1\.2\.0 was rolled back in prod on .+ by user:default\/engineer \(promotion .+\)$/,
        ),
      },
    ]);
    const again = await engineer.post('/promotions', {
      entityRef: PARKING,
      environment: 'prod',
      version: '1.2.0',
      reason: 'Fixed config',
    });
    expect(again.status).toBe(409); // The freeze still holds for promotions.
  });

  it('returns the warning with the request of a rolled-back version', async () => {
    const { engineer, admin, waitForState } = await start();
    const rollback = await engineer.post('/promotions', {
      entityRef: PARKING,
      environment: 'prod',
      version: '1.1.0',
      reason: 'Broken',
      trigger: 'rollback',
    });
    await admin.post(`/promotions/${rollback.body.id}/approve`);
    await waitForState(rollback.body.id, ['succeeded']);

    const again = await engineer.post('/promotions', {
      entityRef: PARKING,
      environment: 'prod',
      version: '1.2.0',
      reason: 'Fixed the config instead',
    });
    expect(again.status).toBe(201);
    expect(again.body.warnings).toEqual([
      expect.objectContaining({ code: 'rolled_back_version' }),
    ]);
  });

  it('refuses a rollback to a version that never ran in the environment', async () => {
    const { engineer } = await start();
    const refused = await engineer.post('/promotions', {
      entityRef: PARKING,
      environment: 'prod',
      version: '0.9.0',
      reason: 'Back',
      trigger: 'rollback',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'Refused by the rollback target rule: 0.9.0 never ran in prod; a rollback goes back to a version that did',
    );
  });
});
