// Exported under the plugin's names; their TSDoc is written with the generated
// declarations (see the backend's scripts/generate-openapi.js).
export type {
  paths as DeliveryApiPaths,
  components as DeliveryApiComponents,
  operations as DeliveryApiOperations,
} from './openapi/generated/models';
