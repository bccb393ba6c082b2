import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogApi } from '@backstage/plugin-catalog-react';

/**
 * Just enough of the catalog for the dev page: the views read domains and
 * components with `getEntities` and single entities with `getEntityByRef`.
 */
export function exampleCatalogApi(entities: Entity[]): CatalogApi {
  const byKind = (kind: unknown) =>
    entities.filter(
      e =>
        kind === undefined ||
        e.kind.toLocaleLowerCase('en-US') ===
          String(kind).toLocaleLowerCase('en-US'),
    );
  const api: Partial<CatalogApi> = {
    async getEntities(request) {
      const filter = request?.filter;
      const kind = Array.isArray(filter) ? undefined : filter?.kind;
      return { items: byKind(kind) };
    },
    async getEntityByRef(ref) {
      const wanted = typeof ref === 'string' ? ref : stringifyEntityRef(ref);
      return entities.find(
        e =>
          stringifyEntityRef(e).toLocaleLowerCase('en-US') ===
          wanted.toLocaleLowerCase('en-US'),
      );
    },
    async getEntitiesByRefs(request) {
      return {
        items: await Promise.all(
          request.entityRefs.map(ref => api.getEntityByRef!(ref)),
        ),
      };
    },
  };
  // The dev page never calls the other methods.
  return api as CatalogApi;
}
