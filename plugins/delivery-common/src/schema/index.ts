import type { components, operations, paths } from './openapi/generated/models';

/**
 * The routes of the delivery API with their parameters and answers,
 * generated from the backend's `openapi.yaml`.
 *
 * @public
 */
export type DeliveryApiPaths = paths;

/**
 * The schemas of the delivery API, generated from the backend's `openapi.yaml`.
 *
 * @public
 */
export type DeliveryApiComponents = components;

/**
 * The operations of the delivery API by `operationId`, generated from the
 * backend's `openapi.yaml`.
 *
 * @public
 */
export type DeliveryApiOperations = operations;
