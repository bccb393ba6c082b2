import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import fs from 'fs-extra';
import { setupServer } from 'msw/node';
import { mockActionContext } from '../__testUtils__/actionContext';
import { unpacedGitHubClients } from '../__testUtils__/githubClients';
import { createCheckpointStore } from '../__testUtils__/checkpoints';
import { gitHubHandlers, noGitHubCalls } from '../__testUtils__/githubApi';
import { localCommits } from '../__testUtils__/localCommits';
import { createGitOpsPublishAction } from './gitopsPublish';

/*
 * delivery:gitops:publish and the files the GitOps repository already holds,
 * e.g. when domain-environment adds an environment some services have.
 */

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      github: [{ host: 'github.com', token: 'integration-token' }],
    },
  }),
);

const VALUES = 'apps/journey/ticket-api/values-qa.yaml';
const APPLICATION = 'argocd/journey/apps/ticket-api-qa.yaml';
const GENERATED = {
  [VALUES]: 'replicaCount: 1\n',
  [APPLICATION]: 'kind: Application\n',
};
const TUNED_VALUES = 'replicaCount: 4 # tuned by the team\n';

const input = {
  service: 'journey services',
  change: 'add the qa environment',
};

describe('delivery:gitops:publish to a local repository that holds some files', () => {
  const workspace = createMockDirectory();
  const repositories = createMockDirectory();
  const repository = () => repositories.resolve('gitops');
  const action = createGitOpsPublishAction({
    config: new ConfigReader({
      delivery: { gitops: { local: { path: repository() } } },
    }),
    integrations,
    githubClients: unpacedGitHubClients(integrations),
  });

  // The repository already has the values file, as the team tuned it.
  beforeEach(async () => {
    repositories.clear();
    workspace.setContent({ gitops: { [VALUES]: TUNED_VALUES } });
    await action.handler(
      mockActionContext({
        workspacePath: workspace.path,
        input: { ...input, target: 'local', change: 'tune qa' },
      }),
    );
    workspace.setContent({ gitops: GENERATED });
  });

  it('keeps a file the repository holds with other content and reports it', async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: { ...input, target: 'local' },
    });
    await action.handler(ctx);

    expect(await fs.readFile(`${repository()}/${VALUES}`, 'utf8')).toBe(
      TUNED_VALUES,
    );
    expect(await fs.readFile(`${repository()}/${APPLICATION}`, 'utf8')).toBe(
      'kind: Application\n',
    );
    const [commit] = await localCommits(repository());
    expect(commit.message).toBe(
      `journey services: add the qa environment\n\n- ${APPLICATION}\n`,
    );
    expect(ctx.output).toHaveBeenCalledWith('keptFiles', [VALUES]);
    expect(ctx.output).toHaveBeenCalledWith('changed', true);
  });

  it('replaces it when asked to overwrite', async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: { ...input, target: 'local', overwrite: true },
    });
    await action.handler(ctx);

    expect(await fs.readFile(`${repository()}/${VALUES}`, 'utf8')).toBe(
      'replicaCount: 1\n',
    );
    expect(ctx.output).toHaveBeenCalledWith('keptFiles', []);
  });

  it('commits once when a task that kept a file is retried', async () => {
    const { checkpoint } = createCheckpointStore();
    for (let attempt = 0; attempt < 2; attempt++) {
      await action.handler(
        mockActionContext({
          workspacePath: workspace.path,
          input: { ...input, target: 'local' },
          checkpoint,
        }),
      );
    }
    expect(
      (await localCommits(repository())).map(c => c.message.split('\n')[0]),
    ).toEqual([
      'journey services: add the qa environment',
      'journey services: tune qa',
    ]);
  });

  it('makes no commit when the repository keeps every file', async () => {
    workspace.setContent({ gitops: { [VALUES]: 'replicaCount: 1\n' } });
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: { ...input, target: 'local' },
    });
    await action.handler(ctx);

    expect(await localCommits(repository())).toHaveLength(1);
    expect(ctx.output).toHaveBeenCalledWith('changed', false);
    expect(ctx.output).toHaveBeenCalledWith('keptFiles', [VALUES]);
  });

  it('reports what it would keep in a dry run, writing nothing', async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: { ...input, target: 'local' },
      isDryRun: true,
    });
    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('keptFiles', [VALUES]);
    expect(await fs.pathExists(`${repository()}/${APPLICATION}`)).toBe(false);
  });
});

describe('delivery:gitops:publish to GitHub, whose base branch holds some files', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const workspace = createMockDirectory();
  const action = createGitOpsPublishAction({
    config: new ConfigReader({}),
    integrations,
    githubClients: unpacedGitHubClients(integrations),
  });
  const githubInput = {
    ...input,
    target: 'github',
    repoUrl: 'github.com?owner=domain-delivery-demo&repo=gitops',
  };
  let calls = noGitHubCalls();

  beforeEach(() => {
    workspace.setContent({ gitops: GENERATED });
    calls = noGitHubCalls();
    server.use(
      ...gitHubHandlers(calls, {
        existingFiles: {
          [VALUES]: TUNED_VALUES,
          // Already there with the same content: part of the change as before.
          [APPLICATION]: 'kind: Application\n',
        },
      }),
    );
  });

  it('leaves a file the base branch holds with other content out of the pull request', async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: githubInput,
    });
    await action.handler(ctx);

    expect(calls.getContent.sort()).toEqual(
      [`${APPLICATION}@main`, `${VALUES}@main`].sort(),
    );
    expect(calls.createTree[0].tree.map((entry: any) => entry.path)).toEqual([
      APPLICATION,
    ]);
    expect(calls.createPull[0].body).not.toContain(VALUES);
    expect(ctx.output).toHaveBeenCalledWith('keptFiles', [VALUES]);
  });

  it('proposes every file when asked to overwrite', async () => {
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: { ...githubInput, overwrite: true },
    });
    await action.handler(ctx);

    expect(calls.getContent).toEqual([]);
    expect(calls.createTree[0].tree.map((entry: any) => entry.path)).toEqual([
      VALUES,
      APPLICATION,
    ]);
    expect(ctx.output).toHaveBeenCalledWith('keptFiles', []);
  });
});
