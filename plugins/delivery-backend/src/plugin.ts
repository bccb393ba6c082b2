import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { deliveryPermissions } from '@internal/backstage-plugin-delivery-common';
import { deliveryExecutorsExtensionPoint } from '@internal/backstage-plugin-delivery-node';
import { readEnvironments } from './config/readEnvironments';
import { DatabaseDeliveryStore } from './database/DatabaseDeliveryStore';
import { DemoHistoryLoader } from './demo';
import { PromotionExecutorRegistry } from './executors/PromotionExecutorRegistry';
import { createRouter } from './router';
import { DeploymentsService } from './service/DeploymentsService';
import { DomainMatrixService } from './service/DomainMatrixService';
import { EntityCatalog } from './service/EntityCatalog';
import { EnvironmentStatusService } from './service/EnvironmentStatusService';
import { IngestionService } from './service/IngestionService';

/**
 * The Domain Delivery backend plugin: the REST API under `/api/delivery`.
 *
 * @public
 */
export const deliveryPlugin = createBackendPlugin({
  pluginId: 'delivery',
  register(env) {
    const executors = new PromotionExecutorRegistry();
    env.registerExtensionPoint(deliveryExecutorsExtensionPoint, {
      addExecutor(...added) {
        added.forEach(executor => executors.add(executor));
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalogService: catalogServiceRef,
      },
      async init({
        config,
        logger,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
        database,
        scheduler,
        auth,
        catalogService,
      }) {
        const environments = readEnvironments(config);
        permissionsRegistry.addPermissions(deliveryPermissions);

        for (const { name, executor } of environments) {
          if (!executors.get(executor.type)) {
            logger.warn(
              `No promotion executor of type '${executor.type}' is installed; promotions into '${name}' cannot be executed`,
            );
          }
        }

        const store = await DatabaseDeliveryStore.create({ database });
        const catalog = new EntityCatalog(catalogService);
        const ingestion = new IngestionService({ store, environments });
        // Only the demo loads a history; with delivery.demo.enabled off the store starts empty.
        await DemoHistoryLoader.create({
          config,
          logger,
          scheduler,
          catalog: catalogService,
          auth,
          ingestion,
          environments,
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            environments,
            ingestion,
            deployments: new DeploymentsService({ store, environments }),
            environmentStatus: new EnvironmentStatusService({
              store,
              environments,
              catalog,
            }),
            domainMatrix: new DomainMatrixService({
              store,
              environments,
              catalog,
            }),
            eventsBodyLimit: config.getOptional<string | number>(
              'delivery.events.maxBodySize',
            ),
          }),
        );
      },
    });
  },
});
