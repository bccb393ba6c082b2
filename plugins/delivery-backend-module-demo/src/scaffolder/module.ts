import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createRepositoryPublishLocalAction } from './repositoryPublishLocal';

/**
 * The demo's scaffolder action, `delivery:repository:publish-local`: the
 * golden path's stand-in for `publish:github` when the demo has no GitHub.
 * Kept out of the published scaffolder module so that a production
 * scaffolder offers no action that writes service repositories to the
 * backend's disk.
 *
 * @public
 */
export const scaffolderModuleDeliveryDemo = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'delivery-demo',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolderActions, config }) {
        scaffolderActions.addActions(
          createRepositoryPublishLocalAction({ config }),
        );
      },
    });
  },
});
