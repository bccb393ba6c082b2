import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createGitOpsPublishAction } from '@domain-delivery/backstage-plugin-scaffolder-backend-module-delivery';
import { GitHubClientFactory } from '@domain-delivery/backstage-plugin-delivery-node';
import fs from 'node:fs';
import { join } from 'node:path';
import git from 'isomorphic-git';
import {
  anExecutionRequest,
  parkingApi,
} from '../../__testUtils__/executionRequest';
import { GitOpsLocalExecutor } from './GitOpsLocalExecutor';

const entity = parkingApi({
  'domain-delivery.io/service': 'parking-api',
  'domain-delivery.io/gitops-path': 'apps/smart-city/parking-api',
});

/*
 * A promotion and a software template write the same local GitOps
 * repository: the delivery backend's executor and the scaffolder's
 * delivery:gitops:publish share its lock.
 */
describe('GitOpsLocalExecutor beside delivery:gitops:publish', () => {
  const mockDir = createMockDirectory();

  it('keeps both commits intact and the working tree clean when they run at once', async () => {
    const dir = join(mockDir.path, 'gitops');
    mockDir.setContent({
      workspace: {
        gitops: {
          'apps/smart-city/bike-share/values-dev.yaml': 'replicaCount: 1\n',
          'argocd/smart-city/apps/bike-share-dev.yaml': 'kind: Application\n',
        },
      },
    });
    const executor = new GitOpsLocalExecutor(dir);
    const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));
    const publish = createGitOpsPublishAction({
      config: new ConfigReader({
        delivery: { gitops: { local: { path: dir } } },
      }),
      integrations,
      githubClients: new GitHubClientFactory({ integrations }),
    });
    const ctx = createMockActionContext({
      workspacePath: join(mockDir.path, 'workspace'),
      input: {
        target: 'local',
        service: 'bike-share',
        change: 'add the Helm chart and Argo CD applications',
      },
    });

    const [promotions] = await Promise.all([
      Promise.all(
        ['dev', 'staging', 'prod'].map((environment, index) =>
          executor.execute(
            anExecutionRequest(entity, {
              executor: { type: 'gitops-local' },
              promotionId: `p${index}`,
              environment,
              version: `1.${index}.0`,
            }),
          ),
        ),
      ),
      publish.handler(ctx as any),
    ]);

    const log = await git.log({ fs, dir, ref: 'main' });
    const onBranch = new Set(log.map(entry => entry.oid));
    // The initial commit, three promotions and the template's.
    expect(log).toHaveLength(5);
    expect(promotions.every(result => onBranch.has(result.commitSha!))).toBe(
      true,
    );
    const published = (ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'commitHash',
    )?.[1];
    expect(onBranch.has(published)).toBe(true);

    const [head] = log;
    const read = async (filepath: string) =>
      Buffer.from(
        (await git.readBlob({ fs, dir, oid: head.oid, filepath })).blob,
      ).toString('utf8');
    expect(await read('apps/smart-city/bike-share/values-dev.yaml')).toBe(
      'replicaCount: 1\n',
    );
    expect(await read('argocd/smart-city/apps/bike-share-dev.yaml')).toBe(
      'kind: Application\n',
    );
    for (const [index, environment] of ['dev', 'staging', 'prod'].entries()) {
      expect(
        await read(`apps/smart-city/parking-api/values-${environment}.yaml`),
      ).toContain(`tag: "1.${index}.0"`);
    }
    const status = await git.statusMatrix({ fs, dir });
    expect(status.filter(([, ...state]) => state.join() !== '1,1,1')).toEqual(
      [],
    );
  });
});
