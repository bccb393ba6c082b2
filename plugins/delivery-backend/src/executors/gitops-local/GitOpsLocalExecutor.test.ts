import { createMockDirectory } from '@backstage/backend-test-utils';
import { PromotionExecutionRequest } from '@domain-delivery/backstage-plugin-delivery-node';
import {
  anExecutionRequest,
  parkingApi,
} from '../../__testUtils__/executionRequest';
import git from 'isomorphic-git';
import fs from 'node:fs';
import { join } from 'node:path';
import { GitOpsLocalExecutor } from './GitOpsLocalExecutor';

const entity = parkingApi({
  'domain-delivery.io/service': 'parking-api',
  'domain-delivery.io/gitops-path': 'apps/smart-city/parking-api',
});

function request(
  overrides: Partial<PromotionExecutionRequest> = {},
): PromotionExecutionRequest {
  return anExecutionRequest(entity, {
    executor: { type: 'gitops-local' },
    ...overrides,
  });
}

describe('GitOpsLocalExecutor', () => {
  const mockDir = createMockDirectory();
  beforeEach(() => mockDir.clear());

  it('commits the new image tag to the values file, naming the promotion, version and approvers', async () => {
    const dir = join(mockDir.path, 'gitops');
    mockDir.setContent({
      'gitops/apps/smart-city/parking-api/values-prod.yaml':
        '# prod\nimage:\n  tag: "1.1.0"\nreplicaCount: 3\n',
    });
    const executor = new GitOpsLocalExecutor(dir);

    const preview = await executor.preview(request());
    expect(preview.files).toEqual([
      expect.objectContaining({
        path: 'apps/smart-city/parking-api/values-prod.yaml',
        after: '# prod\nimage:\n  tag: "1.2.0"\nreplicaCount: 3\n',
      }),
    ]);
    expect(preview.files![0].diff).toContain(
      '-  tag: "1.1.0"\n+  tag: "1.2.0"',
    );

    const result = await executor.execute(request());

    expect(result.commitSha).toMatch(/^[0-9a-f]{40}$/);
    const [head] = await git.log({ fs, dir, depth: 1 });
    expect(head.oid).toBe(result.commitSha);
    expect(head.commit.message).toContain(
      'Promote component:default/parking-api to 1.2.0 in prod',
    );
    expect(head.commit.message).toContain('Promotion: p1');
    expect(head.commit.message).toContain(
      'Approved-by: user:default/platform-admin',
    );
    const committed = await git.readBlob({
      fs,
      dir,
      oid: head.oid,
      filepath: 'apps/smart-city/parking-api/values-prod.yaml',
    });
    expect(Buffer.from(committed.blob).toString('utf8')).toBe(
      '# prod\nimage:\n  tag: "1.2.0"\nreplicaCount: 3\n',
    );
  });

  it('creates the repository and the values file when they are missing', async () => {
    const dir = join(mockDir.path, 'elsewhere');
    const executor = new GitOpsLocalExecutor(join(mockDir.path, 'unused'));

    const result = await executor.execute(
      request({ executor: { type: 'gitops-local', path: dir } }),
    );

    const log = await git.log({ fs, dir });
    expect(log.map(entry => entry.commit.message.split('\n')[0])).toEqual([
      'Promote component:default/parking-api to 1.2.0 in prod',
      'Create the GitOps repository',
    ]);
    expect(log[0].oid).toBe(result.commitSha);
    expect(
      fs.readFileSync(
        join(dir, 'apps/smart-city/parking-api/values-prod.yaml'),
        'utf8',
      ),
    ).toContain('tag: "1.2.0"');
  });

  it('makes concurrent promotions one commit after the other', async () => {
    const dir = join(mockDir.path, 'gitops');
    const executor = new GitOpsLocalExecutor(dir);
    const results = await Promise.all(
      ['dev', 'staging', 'prod'].map((environment, index) =>
        executor.execute(
          request({
            promotionId: `p${index}`,
            environment,
            version: `1.${index}.0`,
          }),
        ),
      ),
    );
    const log = await git.log({ fs, dir });
    expect(log).toHaveLength(4);
    expect(new Set(results.map(r => r.commitSha)).size).toBe(3);
  });

  it('refuses an entity without a GitOps path, and a path outside the repository', async () => {
    const executor = new GitOpsLocalExecutor(join(mockDir.path, 'gitops'));
    await expect(
      executor.execute(
        request({ entity: { ...entity, metadata: { name: 'x' } } }),
      ),
    ).rejects.toThrow('no domain-delivery.io/gitops-path annotation');
    await expect(
      executor.execute(
        request({
          entity: {
            ...entity,
            metadata: {
              name: 'x',
              annotations: { 'domain-delivery.io/gitops-path': '../../etc' },
            },
          },
        }),
      ),
    ).rejects.toThrow(/outside/);
  });

  it('writes nowhere without a configured folder, and names the keys that set one', async () => {
    const executor = new GitOpsLocalExecutor();
    const problem =
      'the gitops-local executor needs the folder of its git repository: set its path option or delivery.gitops.local.path';
    expect(executor.checkOptions({ type: 'gitops-local' })).toBe(problem);
    await expect(executor.execute(request())).rejects.toThrow(problem);
    await expect(executor.preview(request())).rejects.toThrow(problem);
    expect(
      executor.checkOptions({ type: 'gitops-local', path: mockDir.path }),
    ).toBeUndefined();
    expect(fs.readdirSync(mockDir.path)).toEqual([]);
  });
});
