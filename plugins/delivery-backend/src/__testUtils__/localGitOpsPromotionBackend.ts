import { createMockDirectory } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { DeploymentEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import { JsonObject } from '@backstage/types';
import { join } from 'node:path';
import {
  environmentsConfig,
  startPromotionBackend,
} from './startPromotionBackend';

/**
 * For a `describe` block: a fresh local GitOps directory per test, and a
 * `start` that starts the promotion backend (dev → staging → prod, `prod`
 * overriding the prod environment's settings) executing into it with
 * `gitops-local`, and posts the history, built as the test starts.
 */
export function localGitOpsPromotionBackend(options: {
  entities: Entity[];
  history: () => DeploymentEvent[];
}) {
  const mockDir = createMockDirectory();
  beforeEach(() => mockDir.clear());

  return async function start(prod: JsonObject = {}) {
    const backend = await startPromotionBackend({
      entities: options.entities,
      config: {
        delivery: {
          environments: environmentsConfig(prod),
          gitops: { local: { path: join(mockDir.path, 'gitops') } },
        },
      },
    });
    await backend.postEvents(options.history());
    return backend;
  };
}
