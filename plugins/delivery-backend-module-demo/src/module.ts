import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  deliveryEventSourcesExtensionPoint,
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
        eventSources.addEventSource(
          new DemoEventSource({
            logger,
            scheduler,
            auth,
            catalog,
            gitops: LocalGitOpsRepository.forPromotions(
              readLocalGitOpsPath(config),
            ),
          }),
        );
      },
    });
  },
});
