import { ServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import request from 'supertest';
import { deliveryPlugin } from '../plugin';

/** A component of the test catalog, delivered through Domain Delivery. */
export function component(
  name: string,
  options: { system?: string; namespace?: string; environments?: string } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      ...(options.namespace && { namespace: options.namespace }),
      title: `The ${name}`,
      annotations: {
        'domain-delivery.io/service': name,
        ...(options.environments && {
          'domain-delivery.io/environments': options.environments,
        }),
      },
    },
    spec: {
      type: 'service',
      owner: 'group:default/smart-city',
      lifecycle: 'production',
      ...(options.system && { system: options.system }),
    },
  };
}

/** A system or domain of the test catalog. */
export function entity(
  kind: 'System' | 'Domain',
  name: string,
  spec: JsonObject = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name },
    spec: { owner: 'group:default/smart-city', ...spec },
  };
}

/** A team of the test catalog, in the default namespace. */
export function group(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name },
    spec: { type: 'team', children: [] },
  };
}

/** Starts the delivery plugin with a mock catalog, and returns a client. */
export async function startDeliveryBackend(
  options: {
    entities?: Entity[];
    config?: JsonObject;
    knex?: Knex;
    features?: ServiceFactory[];
  } = {},
) {
  const { server } = await startTestBackend({
    features: [
      deliveryPlugin,
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      ...(options.features ?? []),
    ],
  });

  // The mock service's subject is `external:test-service`, the same shape as
  // the principal of a static external-access token.
  const asService = mockCredentials.service.header();
  const asUser = mockCredentials.user.header('user:default/jdoe');
  return {
    server,
    /** Posts events as a CI service. */
    postEvents: (body: unknown, authorization = asService) =>
      request(server)
        .post('/api/delivery/events')
        .set('Authorization', authorization)
        .send(body as object),
    /** Reads a path under /api/delivery as a user. */
    get: (path: string, authorization = asUser) =>
      request(server)
        .get(`/api/delivery${path}`)
        .set('Authorization', authorization),
  };
}
