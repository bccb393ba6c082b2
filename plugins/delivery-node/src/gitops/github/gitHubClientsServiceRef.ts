import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { GitHubClientFactory } from './GitHubClientFactory';

/**
 * The backend's one {@link GitHubClientFactory}, made from
 * `integrations.github`: root-scoped, so that the delivery plugin and the
 * scaffolder module share its throttling and GitHub's spacing of writes
 * holds for the whole process, not per plugin.
 *
 * @public
 */
export const gitHubClientsServiceRef = createServiceRef<GitHubClientFactory>({
  id: 'delivery.github-clients',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig },
      factory: ({ config }) =>
        new GitHubClientFactory({
          integrations: ScmIntegrations.fromConfig(config),
        }),
    }),
});
