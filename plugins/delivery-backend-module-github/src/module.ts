import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  deliveryEventSourcesExtensionPoint,
  gitHubClientsServiceRef,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { RepositoryEntities } from './catalog/RepositoryEntities';
import { readGitHubSourceSettings } from './config/readGitHubSourceSettings';
import { DeploymentCommits } from './deployments/DeploymentCommits';
import { GitHubWebhookEventSource } from './GitHubWebhookEventSource';

/**
 * Records GitHub's deployments and incident issues, as its webhooks report
 * them through Backstage's events system, in the delivery plugin.
 *
 * @public
 */
export const deliveryModuleGitHub = createBackendModule({
  pluginId: 'delivery',
  moduleId: 'github',
  register(env) {
    env.registerInit({
      deps: {
        eventSources: deliveryEventSourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        githubClients: gitHubClientsServiceRef,
      },
      async init({
        eventSources,
        config,
        logger,
        auth,
        catalog,
        events,
        githubClients,
      }) {
        const settings = readGitHubSourceSettings(config);
        eventSources.addEventSource(
          new GitHubWebhookEventSource({
            events,
            logger,
            settings,
            entities: new RepositoryEntities(catalog, auth),
            commits: settings.deployments.commits
              ? new DeploymentCommits(githubClients)
              : undefined,
          }),
        );
      },
    });
  },
});
