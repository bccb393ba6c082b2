import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';

/**
 * The load bench's baseline: a route behind the same Backstage HTTP stack
 * (authentication included) as the delivery API, that does nothing else.
 */
export const noopPlugin = createBackendPlugin({
  pluginId: 'noop',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
      },
      async init({ httpRouter, httpAuth }) {
        const router = Router();
        router.get('/', async (req, res) => {
          await httpAuth.credentials(req);
          res.json({});
        });
        httpRouter.use(router);
      },
    });
  },
});
