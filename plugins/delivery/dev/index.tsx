import { createDevApp } from '@backstage/frontend-dev-utils';
import {
  ApiBlueprint,
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import plugin from '../src/alpha';
import { deliveryApiRef } from '../src/api';
import { exampleCatalogEntities } from './fake/exampleApis';
import { exampleCatalogApi } from './exampleCatalog';
import { DevEntityPage, DevHomePage } from './DevPages';
import { currentScenario, scenarioApi } from './scenarioApi';

// Read (and remembered for the tab) before anything renders, see scenarioApi.
const scenario = currentScenario();

// The plugin as the app gets it, with the backend replaced by an in-memory
// fake: `yarn start` in plugins/delivery needs no backend.
const deliveryWithFakeApi = plugin.withOverrides({
  extensions: [
    plugin.getExtension('api:delivery').override({
      params: defineParams =>
        defineParams({
          api: deliveryApiRef,
          deps: {},
          factory: () => scenarioApi(scenario),
        }),
    }),
  ],
});

// What the catalog plugin would provide: the catalog API and entity pages.
const catalogStandIn = createFrontendPlugin({
  pluginId: 'catalog',
  title: 'Catalog stand-in',
  extensions: [
    ApiBlueprint.make({
      params: defineParams =>
        defineParams({
          api: catalogApiRef,
          deps: {},
          factory: () => exampleCatalogApi(exampleCatalogEntities()),
        }),
    }),
    PageBlueprint.make({
      name: 'entity',
      params: {
        path: '/catalog/:namespace/:kind/:name',
        routeRef: entityRouteRef,
        loader: async () => <DevEntityPage />,
      },
    }),
    PageBlueprint.make({
      name: 'dev-home',
      params: { path: '/', loader: async () => <DevHomePage /> },
    }),
  ],
});

createDevApp({ features: [deliveryWithFakeApi, catalogStandIn] });
