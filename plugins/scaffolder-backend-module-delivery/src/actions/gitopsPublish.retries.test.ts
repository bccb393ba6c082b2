import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { mockActionContext } from '../__testUtils__/actionContext';
import { createCheckpointStore } from '../__testUtils__/checkpoints';
import {
  gitHubHandlers,
  MERGE_COMMIT,
  noGitHubCalls,
} from '../__testUtils__/githubApi';
import { unpacedGitHubClients } from '../__testUtils__/githubClients';
import { REPO_URL } from '../__testUtils__/githubResponses';
import { createGitOpsPublishAction } from './gitopsPublish';

/* delivery:gitops:publish retried after one of its writes to GitHub failed. */

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      github: [{ host: 'github.com', token: 'integration-token' }],
    },
  }),
);

describe('delivery:gitops:publish to GitHub, retried', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const workspace = createMockDirectory();
  const action = createGitOpsPublishAction({
    config: new ConfigReader({}),
    integrations,
    githubClients: unpacedGitHubClients(integrations),
  });

  it('after a failed merge, merges without a second commit or pull request', async () => {
    workspace.setContent({
      gitops: { 'apps/smart-city/parking-api/values-dev.yaml': 'a: 1\n' },
    });
    const calls = noGitHubCalls();
    // Branch protection refuses the first merge (not an error GitHub's
    // client retries by itself); the task is retried once it allows it.
    server.use(
      http.put(
        `${REPO_URL}/pulls/:number/merge`,
        () =>
          HttpResponse.json(
            {
              message:
                'At least 1 approving review is required by reviewers with write access.',
            },
            { status: 403 },
          ),
        { once: true },
      ),
      ...gitHubHandlers(calls),
    );
    const { checkpoint } = createCheckpointStore();
    const attempt = () =>
      mockActionContext({
        workspacePath: workspace.path,
        input: {
          target: 'github',
          service: 'parking-api',
          change: 'add the Helm chart',
          repoUrl: 'github.com?owner=domain-delivery-demo&repo=gitops',
          autoMerge: true,
        },
        checkpoint,
      });

    await expect(action.handler(attempt())).rejects.toThrow(
      'At least 1 approving review is required',
    );
    const retry = attempt();
    await action.handler(retry);

    expect(calls.createCommit).toHaveLength(1);
    expect(calls.createRef).toHaveLength(1);
    expect(calls.updateRef).toEqual([]);
    expect(calls.createPull).toHaveLength(1);
    expect(calls.merge).toEqual([{ number: 42, merge_method: 'squash' }]);
    expect(retry.output).toHaveBeenCalledWith('commitHash', MERGE_COMMIT);
  });
});
