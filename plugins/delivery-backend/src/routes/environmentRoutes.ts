import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  Environment,
  normalizeEntityRef,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DeploymentReadAccess } from '../service/access/DeploymentReadAccess';
import { DomainMatrixService } from '../service/environments/DomainMatrixService';
import { EnvironmentStatusService } from '../service/environments/EnvironmentStatusService';
import { DeliveryApiRouter, READERS } from './DeliveryApiRouter';

/**
 * The environments and what runs in them: `GET /environments`, an entity's
 * environments and a domain's matrix of components and environments.
 */
export function registerEnvironmentRoutes(
  api: DeliveryApiRouter,
  options: {
    httpAuth: HttpAuthService;
    readAccess: DeploymentReadAccess;
    environments: Environment[];
    environmentStatus: EnvironmentStatusService;
    domainMatrix: DomainMatrixService;
  },
): void {
  const { httpAuth, readAccess, environmentStatus, domainMatrix } = options;

  // Executor options and verification checks are backend configuration
  // (repositories, instances, tokens), not something to hand to every
  // browser; callers only need the executor type.
  const environments = options.environments.map(
    ({ executor, verification, ...environment }) => ({
      ...environment,
      ...(executor && { executor: { type: executor.type } }),
    }),
  );

  api.get('/environments', async (req, res) => {
    await httpAuth.credentials(req, READERS);
    res.json({ items: environments });
  });

  api.get('/entities/:kind/:namespace/:name/environments', async (req, res) => {
    const credentials = await httpAuth.credentials(req, READERS);
    const entityRef = normalizeEntityRef(req.params);
    await readAccess.assertCanRead(entityRef, credentials);
    res.json(await environmentStatus.getEnvironments(entityRef, credentials));
  });

  api.get('/domains/:namespace/:name/matrix', async (req, res) => {
    const credentials = await httpAuth.credentials(req, READERS);
    const domainRef = normalizeEntityRef({ kind: 'domain', ...req.params });
    res.json(
      await domainMatrix.getMatrix(domainRef, credentials, refs =>
        readAccess.readable(refs, credentials),
      ),
    );
  });
}
