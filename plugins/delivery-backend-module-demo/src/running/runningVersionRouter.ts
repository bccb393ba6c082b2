import { AuthService, HttpRouterService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import {
  DELIVERY_GITOPS_PATH_ANNOTATION,
  getDeliveryGitOpsPath,
  IMAGE_TAG_KEY,
  IMAGE_TAG_KEY_PATH,
  valuesFilePath,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { GitOpsRepository } from '@domain-delivery/backstage-plugin-delivery-node';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { parseDocument } from 'yaml';

/**
 * A version whose name carries this marker never starts in the demo: the
 * stand-in answers 503 for it, so that anyone can watch a verification fail
 * and the automatic rollback that follows (report a dev deployment of, say,
 * `2.0.0-crashloop` and promote it to staging).
 */
export const CRASHLOOP_MARKER = '-crashloop';

/**
 * Where the demo's stand-in for its running services answers, below the
 * delivery plugin's base path: `GET /demo/running/<entity>/<environment>`.
 */
export const RUNNING_VERSION_PATH = '/demo/running';

/**
 * The demo has no running services: what runs is what the GitOps repository's
 * branch says, the image tag of the entity's values file for the environment.
 * This route answers it as a service's version endpoint would, `{ "version":
 * "<tag>" }`, without a token, so that an environment's HTTP verification
 * has something to check, and a promotion "runs" once its commit lands.
 */
export function runningVersionRouter(options: {
  catalog: CatalogService;
  auth: AuthService;
  gitops: GitOpsRepository;
}): express.Router {
  const { catalog, auth, gitops } = options;
  const router = Router();
  router.get(
    `${RUNNING_VERSION_PATH}/:entity/:environment`,
    async (req, res) => {
      const { entity: name, environment } = req.params;
      const { items } = await catalog.getEntities(
        {
          filter: {
            kind: 'component',
            'metadata.name': name,
            [`metadata.annotations.${DELIVERY_GITOPS_PATH_ANNOTATION}`]:
              CATALOG_FILTER_EXISTS,
          },
        },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      const folder =
        items.length > 0 ? getDeliveryGitOpsPath(items[0]) : undefined;
      if (!folder) {
        throw new NotFoundError(
          `No component ${name} with a ${DELIVERY_GITOPS_PATH_ANNOTATION} annotation in the catalog`,
        );
      }
      const path = valuesFilePath(folder, environment);
      const file = await gitops.readFile(path);
      if (!file) {
        throw new NotFoundError(
          `${name} does not run in ${environment}: the GitOps repository has no ${path}`,
        );
      }
      const tag = parseDocument(file.content.toString('utf8')).getIn(
        IMAGE_TAG_KEY_PATH,
      );
      if (tag === undefined || tag === null) {
        throw new NotFoundError(
          `${name} does not run in ${environment}: ${path} sets no ${IMAGE_TAG_KEY}`,
        );
      }
      if (String(tag).includes(CRASHLOOP_MARKER)) {
        throw new ServiceUnavailableError(
          `${name} ${tag} keeps crashing on start in ${environment}`,
        );
      }
      res.json({ version: String(tag) });
    },
  );
  return router;
}

/**
 * Mounts the route on the delivery plugin's router, the only path of the
 * plugin that needs no token: a verification calls it as it would call a
 * service.
 */
export function addRunningVersionRoute(
  httpRouter: HttpRouterService,
  options: Parameters<typeof runningVersionRouter>[0],
) {
  httpRouter.use(runningVersionRouter(options));
  httpRouter.addAuthPolicy({
    path: RUNNING_VERSION_PATH,
    allow: 'unauthenticated',
  });
}
