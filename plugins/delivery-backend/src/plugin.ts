import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { deliveryPermissions } from '@internal/backstage-plugin-delivery-common';
import { deliveryExecutorsExtensionPoint } from '@internal/backstage-plugin-delivery-node';
import { readEnvironments } from './config/readEnvironments';
import { PromotionExecutorRegistry } from './executors/PromotionExecutorRegistry';
import { createRouter } from './router';

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
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        config,
        logger,
        httpAuth,
        httpRouter,
        permissionsRegistry,
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

        httpRouter.use(await createRouter({ httpAuth, environments }));
      },
    });
  },
});
