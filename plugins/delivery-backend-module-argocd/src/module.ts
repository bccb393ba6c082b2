import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { deliveryEventSourcesExtensionPoint } from '@domain-delivery/backstage-plugin-delivery-node';
import { ArgoCdApplicationsSource } from './ArgoCdApplicationsSource';
import { ArgoCdAnnotatedEntities } from './catalog/ArgoCdAnnotatedEntities';
import { readArgoCdSourceSettings } from './config/readArgoCdSourceSettings';

/**
 * Records the syncs of the entities' Argo CD applications as deployments,
 * and their sync and health for the environment views.
 *
 * @public
 */
export const deliveryModuleArgoCd = createBackendModule({
  pluginId: 'delivery',
  moduleId: 'argocd',
  register(env) {
    env.registerInit({
      deps: {
        eventSources: deliveryEventSourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
      },
      async init({ eventSources, config, logger, auth, scheduler, catalog }) {
        const settings = readArgoCdSourceSettings(config);
        settings.leftOut.forEach(problem => logger.warn(problem));
        if (!settings.enabled) {
          logger.info(
            'Argo CD applications are not read: delivery.sources.argocd configures no instance or is turned off',
          );
          return;
        }
        eventSources.addEventSource(
          new ArgoCdApplicationsSource({
            settings,
            entities: new ArgoCdAnnotatedEntities(catalog, auth),
            scheduler,
            logger,
          }),
        );
      },
    });
  },
});
