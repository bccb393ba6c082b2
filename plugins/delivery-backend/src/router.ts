import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Environment } from '@internal/backstage-plugin-delivery-common';
import express from 'express';
import Router from 'express-promise-router';

/** What the delivery router needs. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  environments: Environment[];
}

/** The delivery plugin's REST API, mounted at `/api/delivery`. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth } = options;

  // Executor options are backend configuration (repositories, instances), not
  // something to hand to every browser; callers only need the executor type.
  const environments = options.environments.map(environment => ({
    ...environment,
    executor: { type: environment.executor.type },
  }));

  const router = Router();

  router.get('/health', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ status: 'ok' });
  });

  router.get('/environments', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ items: environments });
  });

  return router;
}
