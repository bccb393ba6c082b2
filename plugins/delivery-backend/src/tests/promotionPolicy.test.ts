import { JsonObject } from '@backstage/types';
import { localGitOpsPromotionBackend } from '../__testUtils__/localGitOpsPromotionBackend';
import {
  deployed,
  smartCityComponent,
} from '../__testUtils__/startPromotionBackend';
import { weeklyWindowAroundNow } from '../__testUtils__/weeklyWindow';

jest.setTimeout(60_000);

const PARKING = 'component:default/parking-api';
describe('the promotion policy', () => {
  const start = localGitOpsPromotionBackend({
    entities: [
      smartCityComponent('parking-api'),
      {
        ...smartCityComponent('bike-share'),
        metadata: {
          ...smartCityComponent('bike-share').metadata,
          annotations: {
            ...smartCityComponent('bike-share').metadata.annotations,
            'domain-delivery.io/environments': 'dev,prod',
          },
        },
      },
    ],
    history: () => [
      deployed('parking-api', 'dev', '1.1.0', 600, [
        { sha: 'c1', minutesAgo: 700 },
      ]),
      deployed('parking-api', 'staging', '1.1.0', 500),
      deployed('parking-api', 'prod', '1.1.0', 400),
      deployed('parking-api', 'dev', '1.2.0', 300, [
        { sha: 'c2', minutesAgo: 320 },
      ]),
      deployed('parking-api', 'staging', '1.2.0', 120, [
        { sha: 'c2', minutesAgo: 320 },
      ]),
      deployed('parking-api', 'dev', '1.3.0', 30, [
        { sha: 'c3', minutesAgo: 40 },
      ]),
      deployed('parking-api', 'staging', '1.3.0', 10, [
        { sha: 'c3', minutesAgo: 40 },
      ]),
      deployed('bike-share', 'dev', '2.0.0', 300),
    ],
  });

  const request = (version: string, extra: JsonObject = {}) => ({
    entityRef: PARKING,
    environment: 'prod',
    version,
    reason: 'Release',
    ...extra,
  });

  it('refuses a version that has not succeeded in the source environment, unless it is a hotfix', async () => {
    const { engineer } = await start();

    const refused = await engineer.post('/promotions', request('1.4.0'));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      name: 'ConflictError',
      message:
        'Refused by the source environment rule: 1.4.0 has not succeeded in staging; only a version that did can be promoted into prod (or use a hotfix)',
    });

    const hotfix = await engineer.post(
      '/promotions',
      request('1.4.0', { trigger: 'hotfix' }),
    );
    expect(hotfix.status).toBe(201);
    expect(hotfix.body).toMatchObject({
      trigger: 'hotfix',
      state: 'pending_approval',
    });
  });

  it('refuses a version before its soak time in the source environment is over', async () => {
    const { engineer } = await start();
    const refused = await engineer.post('/promotions', request('1.3.0'));
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(
      /^Refused by the soak time rule: 1.3.0 has run in staging for 10 min; prod requires 1 h, so it can be promoted from \d{4}-\d\d-\d\dT/,
    );
  });

  it('refuses during a freeze window, and a second open promotion, and what already runs', async () => {
    const { engineer } = await start({
      freezeWindows: [weeklyWindowAroundNow()],
    });

    const frozen = await engineer.post('/promotions', request('1.2.0'));
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.message).toMatch(
      /^Refused by the freeze window rule: prod is frozen until .+ \(Maintenance\)$/,
    );

    const first = await engineer.post('/promotions', {
      ...request('1.2.0'),
      environment: 'staging',
      version: '1.1.0',
      trigger: 'rollback',
    });
    expect(first.status).toBe(201);
    const second = await engineer.post('/promotions', {
      ...request('1.1.0'),
      environment: 'staging',
      trigger: 'rollback',
    });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain(
      `Refused by the open promotion rule: promotion ${first.body.id} of ${PARKING} into staging (1.1.0) is still`,
    );

    const running = await engineer.post('/promotions', {
      ...request('1.3.0'),
      environment: 'dev',
    });
    expect(running.status).toBe(409);
    expect(running.body.error.message).toBe(
      'Refused by the already running rule: 1.3.0 already runs in dev',
    );
  });

  it('refuses an environment the entity is not delivered to, and names a bad request', async () => {
    const { engineer } = await start();
    const notDelivered = await engineer.post('/promotions', {
      ...request('2.0.0'),
      entityRef: 'component:default/bike-share',
      environment: 'staging',
    });
    expect(notDelivered.status).toBe(409);
    expect(notDelivered.body.error.message).toContain(
      'Refused by the environment rule: component:default/bike-share is not delivered to staging',
    );

    // bike-share skips staging, so prod takes what succeeded in dev.
    const fromDev = await engineer.post('/promotions/preview', {
      ...request('2.0.0'),
      entityRef: 'component:default/bike-share',
    });
    expect(fromDev.body).toMatchObject({
      sourceEnvironment: 'dev',
      violations: [],
    });

    const unknown = await engineer.post('/promotions', {
      ...request('1.2.0'),
      environment: 'qa',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(
      /environment 'qa' is not configured/,
    );
    expect(
      (await engineer.post('/promotions', { ...request('1.2.0'), reason: '' }))
        .status,
    ).toBe(400);
    expect(
      (
        await engineer.post('/promotions', {
          ...request('1.2.0'),
          entityRef: 'component:default/nope',
        })
      ).status,
    ).toBe(404);
  });

  it('previews what a promotion would do and what would refuse it', async () => {
    const { engineer } = await start();

    const preview = await engineer.post('/promotions/preview', {
      entityRef: PARKING,
      environment: 'prod',
      version: '1.3.0',
    });

    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      entityRef: PARKING,
      environment: 'prod',
      version: '1.3.0',
      trigger: 'promotion',
      currentVersion: '1.1.0',
      sourceEnvironment: 'staging',
      commits: [
        { sha: 'c3', committedAt: expect.any(String) },
        { sha: 'c2', committedAt: expect.any(String) },
      ],
      change: {
        executor: 'gitops-local',
        description:
          'Commits image.tag 1.3.0 to apps/smart-city/parking-api/values-prod.yaml in the local GitOps repository',
        files: [
          {
            path: 'apps/smart-city/parking-api/values-prod.yaml',
            after: expect.stringContaining('tag: "1.3.0"'),
            diff: expect.stringContaining('+  tag: "1.3.0"'),
          },
        ],
      },
      approvals: {
        required: 1,
        approvers: ['group:default/platform-admins'],
        allowSelfApproval: false,
      },
      soak: {
        requiredSeconds: 3600,
        soakedSeconds: expect.any(Number),
        readyAt: expect.any(String),
      },
      // One production deployment in the last 30 days (1.1.0), not failed.
      changeFailureRate: 0,
      violations: [
        {
          rule: 'soak_time',
          message: expect.stringContaining('1.3.0 has run in staging for'),
        },
      ],
      warnings: [],
    });
    expect(preview.body.soak.soakedSeconds).toBeGreaterThanOrEqual(600);
  });
});
