import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import fs from 'fs-extra';
import { setupServer } from 'msw/node';
import { createCheckpointStore } from '../__testUtils__/checkpoints';
import {
  BASE_COMMIT,
  gitHubHandlers,
  MERGE_COMMIT,
  NEW_COMMIT,
  NEW_TREE,
  noGitHubCalls,
} from '../__testUtils__/githubApi';
import { localCommits } from '../__testUtils__/localCommits';
import { createGitOpsPublishAction } from './gitopsPublish';
import { mockActionContext } from '../__testUtils__/actionContext';
import { unpacedGitHubClients } from '../__testUtils__/githubClients';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      github: [{ host: 'github.com', token: 'integration-token' }],
    },
  }),
);

const GITOPS_FILES = {
  'apps/smart-city/parking-api/values-dev.yaml': 'replicaCount: 1\n',
  'argocd/smart-city/apps/parking-api-dev.yaml': 'kind: Application\n',
};

describe('delivery:gitops:publish to a local repository', () => {
  const workspace = createMockDirectory();
  const repositories = createMockDirectory();
  const repository = () => repositories.resolve('gitops');
  const action = createGitOpsPublishAction({
    config: new ConfigReader({
      delivery: { gitops: { local: { path: repositories.resolve('gitops') } } },
    }),
    integrations,
    githubClients: unpacedGitHubClients(integrations),
  });

  beforeEach(() => {
    workspace.setContent({ gitops: GITOPS_FILES });
    repositories.clear();
  });

  const input = {
    target: 'local',
    service: 'parking-api',
    change: 'add the Helm chart and Argo CD applications',
  };

  it('creates the repository and commits the change, named after the service and the change', async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input,
      user: { ref: 'user:default/engineer' },
    });
    await action.handler(ctx);

    const commits = await localCommits(repository());
    expect(commits).toHaveLength(1);
    expect(commits[0].message).toBe(
      [
        'parking-api: add the Helm chart and Argo CD applications',
        '',
        '- apps/smart-city/parking-api/values-dev.yaml',
        '- argocd/smart-city/apps/parking-api-dev.yaml',
        '',
        'Requested-by: user:default/engineer',
        '',
      ].join('\n'),
    );
    expect(
      await fs.readFile(
        `${repository()}/argocd/smart-city/apps/parking-api-dev.yaml`,
        'utf8',
      ),
    ).toBe('kind: Application\n');
    expect(ctx.output).toHaveBeenCalledWith('commitHash', commits[0].oid);
    expect(ctx.output).toHaveBeenCalledWith('changed', true);
    expect(ctx.output).toHaveBeenCalledWith('repositoryPath', repository());
  });

  it('commits once when the task is retried', async () => {
    const { checkpoint } = createCheckpointStore();
    const first = mockActionContext({
      workspacePath: workspace.path,
      input,
      checkpoint,
    });
    const retry = mockActionContext({
      workspacePath: workspace.path,
      input,
      checkpoint,
    });
    await action.handler(first);
    await action.handler(retry);

    const commits = await localCommits(repository());
    expect(commits).toHaveLength(1);
    expect(retry.output).toHaveBeenCalledWith('commitHash', commits[0].oid);
  });

  it('makes no second commit for a change the repository already holds', async () => {
    await action.handler(
      mockActionContext({ workspacePath: workspace.path, input }),
    );
    // A new task with the same change: no checkpoint to remember it by.
    const again = mockActionContext({ workspacePath: workspace.path, input });
    await action.handler(again);

    const commits = await localCommits(repository());
    expect(commits).toHaveLength(1);
    expect(again.output).toHaveBeenCalledWith('changed', false);
    expect(again.output).toHaveBeenCalledWith('commitHash', commits[0].oid);
  });

  it('commits a later change on top, into the given folder of the repository', async () => {
    await action.handler(
      mockActionContext({ workspacePath: workspace.path, input }),
    );
    workspace.setContent({
      gitops: { 'values-qa.yaml': 'replicaCount: 2\n' },
    });
    await action.handler(
      mockActionContext({
        workspacePath: workspace.path,
        input: {
          ...input,
          change: 'add the qa environment',
          targetPath: 'apps/smart-city/parking-api',
        },
      }) as any,
    );
    const commits = await localCommits(repository());
    expect(commits.map(commit => commit.message.split('\n')[0])).toEqual([
      'parking-api: add the qa environment',
      'parking-api: add the Helm chart and Argo CD applications',
    ]);
    expect(
      await fs.pathExists(
        `${repository()}/apps/smart-city/parking-api/values-qa.yaml`,
      ),
    ).toBe(true);
  });

  it('touches no repository in a dry run', async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input,
      isDryRun: true,
    });
    await action.handler(ctx);
    expect(await fs.pathExists(repository())).toBe(false);
    expect(ctx.output).toHaveBeenCalledWith('changed', false);
  });

  it('refuses to publish nothing', async () => {
    await expect(
      action.handler(
        mockActionContext({
          workspacePath: workspace.path,
          input: { ...input, sourcePath: 'missing' },
        }),
      ),
    ).rejects.toThrow(
      'Nothing to publish: missing is empty or missing in the workspace',
    );
  });

  it('writes no folder when no local repository is configured, and says what is missing', async () => {
    const ctx = mockActionContext({ workspacePath: workspace.path, input });
    await expect(
      createGitOpsPublishAction({
        config: new ConfigReader({}),
        integrations,
        githubClients: unpacedGitHubClients(integrations),
      }).handler(ctx),
    ).rejects.toThrow(
      'target local needs the folder of the local GitOps repository: give the repositoryPath input or configure delivery.gitops.local.path; a GitOps repository on GitHub is target github',
    );
    expect(ctx.output).not.toHaveBeenCalledWith(
      'repositoryPath',
      expect.anything(),
    );
  });

  it('reads only from inside the workspace', async () => {
    await expect(
      action.handler(
        mockActionContext({
          workspacePath: workspace.path,
          input: { ...input, sourcePath: '../..' },
        }) as any,
      ),
    ).rejects.toThrow(/outside/);
  });
});

describe('delivery:gitops:publish to GitHub', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const workspace = createMockDirectory();
  const action = createGitOpsPublishAction({
    config: new ConfigReader({
      delivery: {
        gitops: {
          github: {
            repoUrl: 'github.com?owner=domain-delivery-demo&repo=gitops',
          },
        },
      },
    }),
    integrations,
    githubClients: unpacedGitHubClients(integrations),
  });
  let calls = noGitHubCalls();

  beforeEach(() => {
    workspace.setContent({ gitops: GITOPS_FILES });
    calls = noGitHubCalls();
  });

  const input = {
    target: 'github',
    service: 'parking-api',
    change: 'add the Helm chart and Argo CD applications',
  };

  it('commits the files on a new branch and opens a pull request to the default branch', async () => {
    server.use(...gitHubHandlers(calls));
    const ctx = mockActionContext({ workspacePath: workspace.path, input });
    await action.handler(ctx);

    expect(calls.createTree).toEqual([
      {
        base_tree: '9fb037999f264ba9a7fc6274d15fa3ae2ab98312',
        tree: [
          {
            path: 'apps/smart-city/parking-api/values-dev.yaml',
            mode: '100644',
            type: 'blob',
            content: 'replicaCount: 1\n',
          },
          {
            path: 'argocd/smart-city/apps/parking-api-dev.yaml',
            mode: '100644',
            type: 'blob',
            content: 'kind: Application\n',
          },
        ],
      },
    ]);
    expect(calls.createCommit).toEqual([
      expect.objectContaining({
        tree: NEW_TREE,
        parents: [BASE_COMMIT],
        message: expect.stringMatching(
          /^parking-api: add the Helm chart and Argo CD applications\n/,
        ),
        author: { name: 'Scaffolder', email: 'scaffolder@backstage.io' },
      }),
    ]);
    const branch = calls.createRef[0].ref.replace('refs/heads/', '');
    expect(branch).toMatch(/^delivery\/parking-api-[0-9a-f]{10}$/);
    expect(calls.createRef[0].sha).toBe(NEW_COMMIT);
    expect(calls.createPull).toEqual([
      {
        head: branch,
        base: 'main',
        title: 'parking-api: add the Helm chart and Argo CD applications',
        body: expect.stringContaining(
          '- argocd/smart-city/apps/parking-api-dev.yaml',
        ),
      },
    ]);
    expect(calls.merge).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith(
      'pullRequestUrl',
      'https://github.com/domain-delivery-demo/gitops/pull/42',
    );
    expect(ctx.output).toHaveBeenCalledWith('pullRequestNumber', 42);
    expect(ctx.output).toHaveBeenCalledWith('commitHash', NEW_COMMIT);
  });

  it('commits and opens the pull request once when the task is retried', async () => {
    server.use(...gitHubHandlers(calls));
    const { checkpoint } = createCheckpointStore();
    const first = mockActionContext({
      workspacePath: workspace.path,
      input,
      checkpoint,
    });
    const retry = mockActionContext({
      workspacePath: workspace.path,
      input,
      checkpoint,
    });
    await action.handler(first);
    await action.handler(retry);

    expect(calls.createCommit).toHaveLength(1);
    expect(calls.createRef).toHaveLength(1);
    expect(calls.createPull).toHaveLength(1);
    expect(retry.output).toHaveBeenCalledWith('pullRequestNumber', 42);
  });

  it('reuses a branch and a pull request left by an attempt that died before its checkpoint', async () => {
    server.use(...gitHubHandlers(calls, { branchExists: true, openPull: 7 }));
    const ctx = mockActionContext({ workspacePath: workspace.path, input });
    await action.handler(ctx);

    expect(calls.updateRef).toEqual([
      expect.objectContaining({ sha: NEW_COMMIT, force: true }),
    ]);
    expect(calls.updateRef[0].path).toMatch(
      /\/git\/refs\/heads\/delivery\/parking-api-/,
    );
    expect(calls.createPull).toEqual([]);
    expect(calls.listPulls[0].get('head')).toMatch(
      /^domain-delivery-demo:delivery\/parking-api-/,
    );
    expect(ctx.output).toHaveBeenCalledWith('pullRequestNumber', 7);
  });

  it('merges the pull request when asked to', async () => {
    server.use(...gitHubHandlers(calls));
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: { ...input, autoMerge: true },
    });
    await action.handler(ctx);
    expect(calls.merge).toEqual([{ number: 42, merge_method: 'squash' }]);
    expect(ctx.output).toHaveBeenCalledWith('commitHash', MERGE_COMMIT);
  });

  it('opens no pull request when the repository already holds the change', async () => {
    server.use(...gitHubHandlers(calls, { unchanged: true }));
    const ctx = mockActionContext({ workspacePath: workspace.path, input });
    await action.handler(ctx);
    expect(calls.createCommit).toEqual([]);
    expect(calls.createPull).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith('changed', false);
  });

  it('calls GitHub not at all in a dry run', async () => {
    server.use(...gitHubHandlers(calls));
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input,
      isDryRun: true,
    });
    await action.handler(ctx);
    expect(Object.values(calls).map(list => list.length)).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'branchName',
      expect.stringMatching(/^delivery\/parking-api-/),
    );
  });

  it('refuses a repository on a host without a GitHub integration', async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: {
        ...input,
        repoUrl: 'gitlab.example.com?owner=platform&repo=gitops',
      },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /No matching integration configuration for host gitlab.example.com/,
    );
  });
});
