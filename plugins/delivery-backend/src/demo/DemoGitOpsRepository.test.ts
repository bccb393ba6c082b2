import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ConfigReader } from '@backstage/config';
import git from 'isomorphic-git';
import fs from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readEnvironments } from '../config/readEnvironments';
import { DeliveryStore } from '../database/DeliveryStore';
import { smartCityComponent } from '../__testUtils__/startPromotionBackend';
import { DemoGitOpsRepository } from './DemoGitOpsRepository';

describe('DemoGitOpsRepository', () => {
  const mockDir = createMockDirectory();
  beforeEach(() => mockDir.clear());

  const environments = readEnvironments(new ConfigReader({}));
  const running = (
    entityRef: string,
    environment: string,
    version: string,
  ) => ({
    id: `${entityRef}-${environment}`,
    entityRef,
    environment,
    version,
    commitSha: 'c',
    status: 'succeeded' as const,
    trigger: 'pipeline' as const,
    startedAt: '2026-03-02T10:00:00.000Z',
    finishedAt: '2026-03-02T10:05:00.000Z',
  });
  const store = {
    getLatestDeployments: async () => [
      running('component:default/parking-api', 'dev', '1.3.0'),
      running('component:default/parking-api', 'prod', '1.10'),
      running('component:default/bike-share', 'dev', '0.9.0'),
    ],
  } as unknown as DeliveryStore;

  async function create(enabled: boolean) {
    const scheduler = mockServices.scheduler.mock();
    const repository = await DemoGitOpsRepository.create({
      enabled,
      path: join(mockDir.path, 'gitops'),
      logger: mockServices.logger.mock(),
      scheduler,
      catalog: catalogServiceMock({
        entities: [
          smartCityComponent('parking-api'),
          smartCityComponent('bike-share'),
        ],
      }),
      auth: mockServices.auth(),
      store,
      environments,
    });
    return { repository, scheduler };
  }

  it('creates the repository at start and schedules the values files, when the demo is enabled', async () => {
    const { scheduler } = await create(true);
    expect(fs.existsSync(join(mockDir.path, 'gitops/.git'))).toBe(true);
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'delivery-demo-gitops', scope: 'local' }),
    );
  });

  it('does nothing when the demo is disabled', async () => {
    const { scheduler } = await create(false);
    expect(fs.existsSync(join(mockDir.path, 'gitops'))).toBe(false);
    expect(scheduler.scheduleTask).not.toHaveBeenCalled();
  });

  it('adds a values file per service and environment with the running version, once', async () => {
    const { repository } = await create(true);
    const dir = join(mockDir.path, 'gitops');

    await expect(repository.seed()).resolves.toBe(3);
    const prod = fs.readFileSync(
      join(dir, 'apps/smart-city/parking-api/values-prod.yaml'),
      'utf8',
    );
    expect(prod).toContain('# Helm values of parking-api in prod.');
    expect(parse(prod)).toEqual({
      image: {
        repository: 'ghcr.io/domain-delivery-demo/parking-api',
        tag: '1.10',
      },
      replicaCount: 3,
      resources: { requests: { cpu: '500m', memory: '512Mi' } },
    });
    expect(
      fs.existsSync(
        join(dir, 'apps/smart-city/parking-api/values-staging.yaml'),
      ),
    ).toBe(false);

    // A promotion's edit is kept: existing files are never rewritten.
    fs.writeFileSync(
      join(dir, 'apps/smart-city/parking-api/values-prod.yaml'),
      'image:\n  tag: "2.0.0"\n',
    );
    await expect(repository.seed()).resolves.toBe(0);
    expect(
      fs.readFileSync(
        join(dir, 'apps/smart-city/parking-api/values-prod.yaml'),
        'utf8',
      ),
    ).toBe('image:\n  tag: "2.0.0"\n');

    const log = await git.log({ fs, dir });
    expect(log.map(entry => entry.commit.message.split('\n')[0])).toEqual([
      'Add the values files of 3 service environments',
      'Create the GitOps repository',
    ]);
  });
});
