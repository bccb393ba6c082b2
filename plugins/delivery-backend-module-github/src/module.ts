import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  deliveryDeploymentGatesExtensionPoint,
  deliveryEventSourcesExtensionPoint,
  gitHubClientsServiceRef,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { RepositoryEntities } from './catalog/RepositoryEntities';
import { readGitHubSourceSettings } from './config/readGitHubSourceSettings';
import { DeploymentCommits } from './deployments/DeploymentCommits';
import { GitHubWebhookEventSource } from './GitHubWebhookEventSource';
import { GitHubDeploymentProtection } from './protection/GitHubDeploymentProtection';

/**
 * Records GitHub's deployments and incident issues, as its webhooks report
 * them through Backstage's events system, in the delivery plugin, and
 * answers GitHub's deployment protection rule requests with the promotion
 * policy.
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
        gates: deliveryDeploymentGatesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        githubClients: gitHubClientsServiceRef,
      },
      async init({
        eventSources,
        gates,
        config,
        logger,
        auth,
        catalog,
        events,
        githubClients,
      }) {
        const settings = readGitHubSourceSettings(config);
        const entities = new RepositoryEntities(catalog, auth);
        if (settings.protectionRules.enabled) {
          gates.addDeploymentGate(
            new GitHubDeploymentProtection({
              events,
              logger,
              entities,
              githubClients,
              environmentFor: settings.deployments.environmentFor,
            }),
          );
        }
        eventSources.addEventSource(
          new GitHubWebhookEventSource({
            events,
            logger,
            settings,
            entities,
            commits: settings.deployments.commits
              ? new DeploymentCommits(githubClients)
              : undefined,
          }),
        );
      },
    });
  },
});
