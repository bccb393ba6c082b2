import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi/generated/router';

/** The delivery API's typed router, generated from `openapi.yaml`. */
export type DeliveryApiRouter = ApiRouter<typeof spec>;

/** Who may call a route that changes something on a person's behalf. */
export const USERS = { allow: ['user'] as Array<'user'> };

/** Who may call a route that reads: people, and services such as CI. */
export const READERS = {
  allow: ['user', 'service'] as Array<'user' | 'service'>,
};

/** Who may report events: services such as CI, and people (each held to its policy per entity). */
export const REPORTERS = {
  allow: ['user', 'service'] as Array<'user' | 'service'>,
};
