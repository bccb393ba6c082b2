import { createMockDirectory } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import { join } from 'node:path';
import {
  deployed,
  smartCityComponent,
  startPromotionBackend,
} from '../__testUtils__/startPromotionBackend';

jest.setTimeout(60_000);

const PARKING = 'component:default/parking-api';

// An environment is promoted into only by the executor configured for it;
// one without is never given a local GitOps folder.
describe('environments without a usable executor', () => {
  const mockDir = createMockDirectory();
  beforeEach(() => mockDir.clear());

  async function start() {
    const backend = await startPromotionBackend({
      entities: [smartCityComponent('parking-api')],
      config: {
        delivery: {
          environments: [
            {
              name: 'dev',
              executor: {
                type: 'gitops-local',
                path: join(mockDir.path, 'gitops'),
              },
            },
            { name: 'staging', executor: { type: 'custom-deploy' } },
            { name: 'prod', production: true },
          ],
        },
      },
      everyoneMayApprove: true,
    });
    await backend.postEvents([
      deployed('parking-api', 'dev', '1.1.0', 300),
      deployed('parking-api', 'staging', '1.1.0', 200),
      deployed('parking-api', 'dev', '1.2.0', 100),
    ]);
    return backend;
  }

  const request = (environment: string, version: string) => ({
    entityRef: PARKING,
    environment,
    version,
    reason: 'Release',
  });

  it('refuses a promotion into an environment without an executor, naming the key to set', async () => {
    const { engineer } = await start();

    const refused = await engineer.post(
      '/promotions',
      request('prod', '1.1.0'),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      name: 'ConflictError',
      message:
        'Refused by the executor rule: prod has no executor, so promotions into it cannot be carried out: set delivery.environments[2].executor (e.g. type github-pr or gitops-local)',
    });
  });

  it('refuses a promotion into an environment whose executor type is not installed', async () => {
    const { engineer } = await start();

    const refused = await engineer.post(
      '/promotions',
      request('staging', '1.2.0'),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      "Refused by the executor rule: no promotion executor of type 'custom-deploy' is installed, so promotions into staging cannot be carried out: install the module that adds it or change delivery.environments[1].executor.type",
    );
  });

  it('shows the refusal in the preview, so Promote is not offered, and lists the environment without an executor', async () => {
    const { engineer } = await start();

    const preview = await engineer.post(
      '/promotions/preview',
      request('prod', '1.1.0'),
    );
    expect(preview.status).toBe(200);
    expect(preview.body.change).toBeUndefined();
    expect(preview.body.violations).toEqual([
      {
        rule: 'executor',
        message:
          'prod has no executor, so promotions into it cannot be carried out: set delivery.environments[2].executor (e.g. type github-pr or gitops-local)',
      },
    ]);

    const environments = await engineer.get('/environments');
    expect(
      environments.body.items.map((e: { name: string; executor?: unknown }) => [
        e.name,
        e.executor,
      ]),
    ).toEqual([
      ['dev', { type: 'gitops-local' }],
      ['staging', { type: 'custom-deploy' }],
      ['prod', undefined],
    ]);
  });

  it('still promotes into the environment whose executor is configured', async () => {
    const { engineer, waitForState } = await start();

    const requested = await engineer.post('/promotions', {
      ...request('dev', '1.1.0'),
      trigger: 'rollback',
    });
    expect(requested.status).toBe(201);
    expect(
      (await waitForState(requested.body.id, ['succeeded', 'failed'])).state,
    ).toBe('succeeded');
    expect(fs.existsSync(join(mockDir.path, 'gitops/.git'))).toBe(true);
  });
});
