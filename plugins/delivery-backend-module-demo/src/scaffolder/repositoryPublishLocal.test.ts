import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import fs from 'fs-extra';
import path from 'node:path';
import { mockActionContext } from '../__testUtils__/actionContext';
import { createCheckpointStore } from '../__testUtils__/checkpoints';
import { localCommits } from '../__testUtils__/localCommits';
import { createRepositoryPublishLocalAction } from './repositoryPublishLocal';

describe('delivery:repository:publish-local', () => {
  const workspace = createMockDirectory();
  const repositories = createMockDirectory();
  const action = createRepositoryPublishLocalAction({
    config: new ConfigReader({
      delivery: { repositories: { local: { path: repositories.path } } },
      scaffolder: {
        defaultAuthor: {
          name: 'Golden Path',
          email: 'golden-path@example.com',
        },
      },
    }),
  });

  beforeEach(() => {
    repositories.clear();
    workspace.setContent({
      service: {
        'catalog-info.yaml': 'kind: Component\n',
        'src/server.ts': 'export {};\n',
        '.gitignore': 'node_modules/\n',
        'node_modules/left-over.js': 'ignored\n',
      },
      gitops: { 'values-dev.yaml': 'not part of the service\n' },
    });
  });

  const input = { name: 'parking-api', sourcePath: 'service' };

  it("commits the service's folder as a new repository named after it", async () => {
    const ctx = mockActionContext({ workspacePath: workspace.path, input });
    await action.handler(ctx);

    const dir = repositories.resolve('parking-api');
    const commits = await localCommits(dir);
    expect(commits).toHaveLength(1);
    expect(commits[0].message).toBe('Initial commit\n');
    expect(await fs.readFile(`${dir}/src/server.ts`, 'utf8')).toBe(
      'export {};\n',
    );
    expect(await fs.pathExists(`${dir}/node_modules`)).toBe(false);
    expect(await fs.pathExists(`${dir}/values-dev.yaml`)).toBe(false);
    expect(ctx.output).toHaveBeenCalledWith('remoteUrl', `file://${dir}`);
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoPath',
      `${dir}/catalog-info.yaml`,
    );
    expect(ctx.output).toHaveBeenCalledWith('commitHash', commits[0].oid);
  });

  it('commits once when the task is retried, with or without its checkpoint', async () => {
    const { checkpoint } = createCheckpointStore();
    await action.handler(
      mockActionContext({ workspacePath: workspace.path, input, checkpoint }),
    );
    await action.handler(
      mockActionContext({ workspacePath: workspace.path, input, checkpoint }),
    );
    await action.handler(
      mockActionContext({ workspacePath: workspace.path, input }),
    );
    expect(
      await localCommits(repositories.resolve('parking-api')),
    ).toHaveLength(1);
  });

  it("refuses to overwrite another service's repository of the same name", async () => {
    await action.handler(
      mockActionContext({ workspacePath: workspace.path, input }),
    );
    workspace.setContent({
      service: { 'catalog-info.yaml': 'kind: Component # other\n' },
    });
    await expect(
      action.handler(
        mockActionContext({ workspacePath: workspace.path, input }),
      ),
    ).rejects.toThrow(
      /A different repository named parking-api already exists/,
    );
    expect(
      await localCommits(repositories.resolve('parking-api')),
    ).toHaveLength(1);
  });

  it('creates nothing in a dry run', async () => {
    await action.handler(
      mockActionContext({
        workspacePath: workspace.path,
        input,
        isDryRun: true,
      }),
    );
    expect(await fs.pathExists(repositories.resolve('parking-api'))).toBe(
      false,
    );
  });

  it("defaults to the demo's data folder", async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input,
      isDryRun: true,
    });
    await createRepositoryPublishLocalAction({
      config: new ConfigReader({}),
    }).handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'repositoryPath',
      path.resolve('.delivery-demo/repositories/parking-api'),
    );
  });
});
