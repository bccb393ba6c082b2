import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import fs from 'fs-extra';
import { setupServer } from 'msw/node';
import yaml from 'yaml';
import { mockActionContext } from '../__testUtils__/actionContext';
import {
  gitHubHandlers,
  MERGE_COMMIT,
  noGitHubCalls,
} from '../__testUtils__/githubApi';
import { localCommits } from '../__testUtils__/localCommits';
import { unpacedGitHubClients } from '../__testUtils__/githubClients';
import { createGitOpsPublishAction } from './gitopsPublish';
import { examples } from './gitopsPublish.examples';

describe('delivery:gitops:publish examples', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const workspace = createMockDirectory();
  const repositories = createMockDirectory();
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: {
        github: [{ host: 'github.com', token: 'integration-token' }],
      },
    }),
  );
  const action = createGitOpsPublishAction({
    config: new ConfigReader({
      delivery: { gitops: { local: { path: repositories.resolve('gitops') } } },
    }),
    integrations,
    githubClients: unpacedGitHubClients(integrations),
  });

  beforeEach(() => {
    workspace.setContent({
      gitops: {
        'apps/smart-city/parking-api/values-dev.yaml': 'replicaCount: 1\n',
      },
    });
    repositories.clear();
  });

  const input = (index: number) =>
    yaml.parse(examples[index].example).steps[0].input;

  it('commits to the local GitOps repository from the first example', async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: input(0),
    });
    await action.handler(ctx);
    const [commit] = await localCommits(repositories.resolve('gitops'));
    expect(commit.message).toMatch(
      /^parking-api: add the Helm chart and Argo CD applications\n/,
    );
    expect(ctx.output).toHaveBeenCalledWith('commitHash', commit.oid);
  });

  it('replaces a file the repository holds from the third example', async () => {
    const gitops = repositories.resolve('gitops');
    const values = 'apps/smart-city/parking-api/values-dev.yaml';
    await action.handler(
      mockActionContext({ workspacePath: workspace.path, input: input(0) }),
    );
    workspace.setContent({ gitops: { [values]: 'replicaCount: 2\n' } });

    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: input(2),
    });
    await action.handler(ctx);

    expect(await fs.readFile(`${gitops}/${values}`, 'utf8')).toBe(
      'replicaCount: 2\n',
    );
    expect(ctx.output).toHaveBeenCalledWith('keptFiles', []);
    expect(await localCommits(gitops)).toHaveLength(2);
  });

  it('opens and merges a pull request on GitHub from the second example', async () => {
    const calls = noGitHubCalls();
    server.use(...gitHubHandlers(calls));
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: input(1),
    });
    await action.handler(ctx);
    expect(calls.createPull).toHaveLength(1);
    expect(calls.merge).toHaveLength(1);
    expect(ctx.output).toHaveBeenCalledWith('commitHash', MERGE_COMMIT);
  });
});
