import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { gitHubClientsServiceRef } from '@domain-delivery/backstage-plugin-delivery-node';
import { createArgoCdApplicationsAction } from './actions/argocdApplications';
import { createCatalogAnnotateAction } from './actions/catalogAnnotate';
import { createCatalogDomainServicesAction } from './actions/catalogDomainServices';
import { createCatalogRefreshAction } from './actions/catalogRefresh';
import { createGitOpsPublishAction } from './actions/gitopsPublish';
import { createHelmValuesAction } from './actions/helmValues';
import { createWorkflowCreateAction } from './actions/workflowCreate';

/**
 * Registers the Domain Delivery actions with the scaffolder: the golden
 * path's generators, the GitOps publication and the catalog steps.
 *
 * @public
 */
export const scaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'delivery',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        githubClients: gitHubClientsServiceRef,
      },
      async init({ scaffolderActions, config, catalog, githubClients }) {
        const integrations = ScmIntegrations.fromConfig(config);
        scaffolderActions.addActions(
          createCatalogAnnotateAction(),
          createWorkflowCreateAction({ config }),
          createHelmValuesAction({ config }),
          createArgoCdApplicationsAction({ config }),
          createGitOpsPublishAction({
            config,
            integrations,
            githubClients,
          }),
          createCatalogRefreshAction({ catalog }),
          createCatalogDomainServicesAction({ catalog }),
        );
      },
    });
  },
});
