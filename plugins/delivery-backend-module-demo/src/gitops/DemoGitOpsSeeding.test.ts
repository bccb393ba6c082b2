import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import git from 'isomorphic-git';
import fs from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ENVIRONMENTS, smartCityComponent } from '../__testUtils__/catalog';
import { DemoGitOpsSeeding } from './DemoGitOpsSeeding';
import { LocalGitOpsRepository } from '@domain-delivery/backstage-plugin-delivery-node';

describe('DemoGitOpsSeeding', () => {
  const mockDir = createMockDirectory();
  beforeEach(() => mockDir.clear());

  // The versions running per entity and environment.
  const running: Record<string, Record<string, string>> = {
    'component:default/parking-api': { dev: '1.3.0', prod: '1.10' },
    'component:default/bike-share': { dev: '0.9.0' },
  };

  async function create() {
    const scheduler = mockServices.scheduler.mock();
    const repository = await DemoGitOpsSeeding.create({
      repository: LocalGitOpsRepository.forPromotions(
        join(mockDir.path, 'gitops'),
      ),
      logger: mockServices.logger.mock(),
      scheduler,
      catalog: catalogServiceMock({
        entities: [
          smartCityComponent('parking-api'),
          smartCityComponent('bike-share'),
        ],
      }),
      auth: mockServices.auth(),
      environments: ENVIRONMENTS,
      runningVersions: entityRef =>
        new Map(Object.entries(running[entityRef] ?? {})),
    });
    return { repository, scheduler };
  }

  it('creates the repository at start and schedules the values files', async () => {
    const { scheduler } = await create();
    expect(fs.existsSync(join(mockDir.path, 'gitops/.git'))).toBe(true);
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'delivery-demo-gitops', scope: 'local' }),
    );
  });

  it('adds a values file per service and environment with the running version, once', async () => {
    const { repository } = await create();
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
    // A plain tag, as a person writes it, so a promotion's diff reads `+  tag: 1.4.0`.
    expect(
      fs.readFileSync(
        join(dir, 'apps/smart-city/parking-api/values-dev.yaml'),
        'utf8',
      ),
    ).toContain('\n  tag: 1.3.0\n');
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
