import {
  mockServices,
  ServiceFactoryTester,
} from '@backstage/backend-test-utils';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';

/**
 * The real catalog service of a plugin whose catalog is at
 * `http://localhost:0/api/catalog` (mock discovery and auth), for msw
 * handlers to answer; made on first use.
 */
export function catalogOverHttp(): CatalogService {
  let service: Promise<CatalogService> | undefined;
  const resolve = () =>
    (service ??= ServiceFactoryTester.from(
      mockServices.discovery.factory(),
    ).getService(catalogServiceRef, 'scaffolder'));
  return new Proxy({} as CatalogService, {
    get:
      (_, method: keyof CatalogService) =>
      async (...args: unknown[]) =>
        ((await resolve())[method] as Function)(...args),
  });
}
