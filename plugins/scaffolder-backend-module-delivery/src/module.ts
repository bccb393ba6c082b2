import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCatalogAnnotateAction } from './actions/catalogAnnotate';

/**
 * Registers the Domain Delivery actions with the scaffolder.
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
      },
      async init({ scaffolderActions }) {
        scaffolderActions.addActions(createCatalogAnnotateAction());
      },
    });
  },
});
