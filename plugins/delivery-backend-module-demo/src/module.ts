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
import { addRunningVersionRoute } from './running/runningVersionRouter';

/**
 * The demo's delivery history and GitOps repository, and the running
 * version of each service as that repository says (`GET
 * /api/delivery/demo/running/<entity>/<environment>`, for verifications),
 * when `delivery.demo.enabled` is true; otherwise the module adds nothing.
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
        httpRouter: coreServices.httpRouter,
      },
      async init({
        eventSources,
        config,
        logger,
        scheduler,
        auth,
        catalog,
        httpRouter,
      }) {
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
        const gitops = LocalGitOpsRepository.forPromotions(gitopsPath);
        eventSources.addEventSource(
          new DemoEventSource({ logger, scheduler, auth, catalog, gitops }),
        );
        // What stands in for the services' version endpoints, which the
        // demo's staging verification calls.
        addRunningVersionRoute(httpRouter, { catalog, auth, gitops });
      },
    });
  },
});
