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

  const gitops = () => join(mockDir.path, 'gitops');
  const read = (path: string) => fs.readFileSync(join(gitops(), path), 'utf8');
  const subjects = async () =>
    (await git.log({ fs, dir: gitops() })).map(
      entry => entry.commit.message.split('\n')[0],
    );

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

    await expect(repository.seed()).resolves.toEqual({
      added: 3,
      retagged: 0,
    });
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
    await expect(repository.seed()).resolves.toEqual({
      added: 0,
      retagged: 0,
    });

    expect(await subjects()).toEqual([
      'Add the values files of 3 service environments',
      'Create the GitOps repository',
    ]);
  });

  it('gives a values file from an earlier start the tag the history runs there, in a commit on top', async () => {
    // An earlier start wrote 1.0.0, and a promotion later moved prod on.
    const earlier = LocalGitOpsRepository.forPromotions(gitops());
    await earlier.propose({
      files: [
        {
          path: 'apps/smart-city/parking-api/values-prod.yaml',
          content:
            '# Helm values of parking-api in prod.\nimage:\n  tag: 1.0.0 # set by promotions\nreplicaCount: 3\n',
        },
        {
          path: 'apps/smart-city/parking-api/values-dev.yaml',
          content: 'image:\n  tag: 1.3.0\n',
        },
      ],
      message: 'Add the values files of 2 service environments\n',
    });
    await earlier.propose({
      files: [
        {
          path: 'apps/smart-city/parking-api/values-prod.yaml',
          content: before => before!.replace('1.0.0', '1.2.0'),
        },
      ],
      message: 'Promote component:default/parking-api to 1.2.0 in prod\n',
    });

    const { repository } = await create();
    await expect(repository.seed()).resolves.toEqual({
      added: 1,
      retagged: 1,
    });

    // Only the tag changed; the file's comments and other keys are as they were.
    expect(read('apps/smart-city/parking-api/values-prod.yaml')).toBe(
      '# Helm values of parking-api in prod.\nimage:\n  tag: "1.10" # set by promotions\nreplicaCount: 3\n',
    );
    expect(read('apps/smart-city/parking-api/values-dev.yaml')).toBe(
      'image:\n  tag: 1.3.0\n',
    );
    // The promotion stays in the history, below the commit that moved on from it.
    expect(await subjects()).toEqual([
      'Set the image tags of 1 service environment to the versions running there',
      'Add the values files of 1 service environment',
      'Promote component:default/parking-api to 1.2.0 in prod',
      'Add the values files of 2 service environments',
      'Create the GitOps repository',
    ]);
  });

  it('keeps a values file that a promotion changed after the start, and follows the history in its own', async () => {
    const { repository } = await create();
    await repository.seed();

    // A promotion of this run moves prod on.
    await LocalGitOpsRepository.forPromotions(gitops()).propose({
      files: [
        {
          path: 'apps/smart-city/parking-api/values-prod.yaml',
          content: before => before!.replace('"1.10"', '2.0.0'),
        },
      ],
      message: 'Promote component:default/parking-api to 2.0.0 in prod\n',
    });
    // The next day the history has moved on in every environment.
    running['component:default/parking-api'] = { dev: '1.4.0', prod: '1.11' };
    try {
      await expect(repository.seed()).resolves.toEqual({
        added: 0,
        retagged: 1,
      });
    } finally {
      running['component:default/parking-api'] = { dev: '1.3.0', prod: '1.10' };
    }

    expect(
      parse(read('apps/smart-city/parking-api/values-prod.yaml')).image,
    ).toEqual({
      repository: 'ghcr.io/domain-delivery-demo/parking-api',
      tag: '2.0.0',
    });
    expect(
      parse(read('apps/smart-city/parking-api/values-dev.yaml')).image.tag,
    ).toBe('1.4.0');
  });

  it('leaves a values file that is no YAML mapping as it is, and seeds the others', async () => {
    await LocalGitOpsRepository.forPromotions(gitops()).propose({
      files: [
        {
          path: 'apps/smart-city/parking-api/values-prod.yaml',
          content: '- edited by hand into a list\n',
        },
      ],
      message: 'Edit by hand\n',
    });

    const { repository } = await create();
    await expect(repository.seed()).resolves.toEqual({
      added: 2,
      retagged: 0,
    });
    expect(read('apps/smart-city/parking-api/values-prod.yaml')).toBe(
      '- edited by hand into a list\n',
    );
  });
});
