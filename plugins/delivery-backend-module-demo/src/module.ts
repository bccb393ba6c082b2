import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  deliveryEventSourcesExtensionPoint,
  LOCAL_GITOPS_PATH_KEY,
  LocalGitOpsRepository,
  readLocalGitOpsPath,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { DemoEventSource } from './DemoEventSource';

/**
 * The demo's delivery history and GitOps repository, when
 * `delivery.demo.enabled` is true; otherwise the module adds nothing.
 *
 * @public
 */
export const deliveryModuleDemo = createBackendModule({
  pluginId: 'delivery',
  moduleId: 'demo',
  register(env) {
    env.registerInit({
      deps: {
        eventSources: deliveryEventSourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ eventSources, config, logger, scheduler, auth, catalog }) {
        if (!config.getOptionalBoolean('delivery.demo.enabled')) {
          return;
        }
        // The repository the demo seeds is the one its promotions commit to.
        const gitopsPath = readLocalGitOpsPath(config);
        if (!gitopsPath) {
          throw new InputError(
            `delivery.demo.enabled needs ${LOCAL_GITOPS_PATH_KEY}, the local GitOps repository that the demo seeds and its gitops-local environments commit to, e.g. .delivery-demo/gitops`,
          );
        }
        eventSources.addEventSource(
          new DemoEventSource({
            logger,
            scheduler,
            auth,
            catalog,
            gitops: LocalGitOpsRepository.forPromotions(gitopsPath),
          }),
        );
      },
    });
  },
});
