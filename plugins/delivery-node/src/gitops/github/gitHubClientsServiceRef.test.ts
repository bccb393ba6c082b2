import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { GitHubClientFactory } from './GitHubClientFactory';
import { gitHubClientsServiceRef } from './gitHubClientsServiceRef';

describe('gitHubClientsServiceRef', () => {
  it('gives every plugin of the backend the same factory, so they share its throttling', async () => {
    const seen: GitHubClientFactory[] = [];
    const user = (pluginId: string) =>
      createBackendPlugin({
        pluginId,
        register(env) {
          env.registerInit({
            deps: { clients: gitHubClientsServiceRef },
            async init({ clients }) {
              seen.push(clients);
            },
          });
        },
      });

    const backend = await startTestBackend({
      features: [
        mockServices.rootConfig.factory({
          data: {
            integrations: { github: [{ host: 'github.com', token: 'ghp_x' }] },
          },
        }),
        user('delivery'),
        user('scaffolder'),
      ],
    });

    expect(seen).toHaveLength(2);
    expect(seen[0]).toBeInstanceOf(GitHubClientFactory);
    expect(seen[1]).toBe(seen[0]);
    await backend.stop();
  });
});
