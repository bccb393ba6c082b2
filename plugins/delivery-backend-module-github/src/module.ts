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
import { BackfillState } from './backfill/BackfillState';
import { GitHubBackfill } from './backfill/GitHubBackfill';
import { RepositoryEntities } from './catalog/RepositoryEntities';
import { readGitHubSourceSettings } from './config/readGitHubSourceSettings';
import { DeploymentCommits } from './deployments/DeploymentCommits';
import { GitHubWebhookEventSource } from './GitHubWebhookEventSource';
import { GitHubDeploymentProtection } from './protection/GitHubDeploymentProtection';
import { pipelineRunEvents } from './pipelines/pipelineRunEvents';

/**
 * Records GitHub's deployments, workflow runs and incident issues, as its
 * webhooks report them through Backstage's events system, in the delivery
 * plugin; fills the history from GitHub's REST API with a scheduled backfill;
 * and answers GitHub's deployment protection rule requests with the promotion
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
        database: coreServices.database,
        scheduler: coreServices.scheduler,
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
        database,
        scheduler,
        events,
        githubClients,
      }) {
        const settings = readGitHubSourceSettings(config);
        const entities = new RepositoryEntities(catalog, auth);
        const commits = settings.deployments.commits
          ? new DeploymentCommits(githubClients)
          : undefined;
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
            commits,
          }),
        );
        if (settings.backfill.enabled) {
          eventSources.addEventSource(
            new GitHubBackfill({
              settings,
              scheduler,
              logger,
              entities,
              clients: githubClients,
              state: await BackfillState.create(database),
              commits,
              runEvents: pipelineRunEvents,
            }),
          );
        }
      },
    });
  },
});
