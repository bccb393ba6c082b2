import { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ReactElement } from 'react';
import { Route, Routes } from 'react-router-dom';
import { DeliveryApi, deliveryApiRef } from '../api';
import { rootRouteRef } from '../routes';

/**
 * Renders a view in a test app with the delivery API, a catalog, the entity
 * in context when given, and the routes its links resolve to.
 */
export async function renderView(
  element: ReactElement,
  options: {
    api: Partial<DeliveryApi>;
    entity?: Entity;
    catalogEntities?: Entity[];
    /** A route pattern for views that read URL parameters, with the URL to open. */
    route?: { path: string; url: string };
    /** The permission API; by default everything is allowed. */
    permissionApi?: ReturnType<typeof mockApis.permission>;
  },
) {
  const withEntity = options.entity ? (
    <EntityProvider entity={options.entity}>{element}</EntityProvider>
  ) : (
    element
  );
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [deliveryApiRef, options.api],
        [
          catalogApiRef,
          catalogApiMock({ entities: options.catalogEntities ?? [] }),
        ],
        [permissionApiRef, options.permissionApi ?? mockApis.permission()],
      ]}
    >
      {options.route ? (
        <Routes>
          <Route path={options.route.path} element={withEntity} />
        </Routes>
      ) : (
        withEntity
      )}
    </TestApiProvider>,
    {
      routeEntries: options.route ? [options.route.url] : undefined,
      mountedRoutes: {
        '/delivery': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}
