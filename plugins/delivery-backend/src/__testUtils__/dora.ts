import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DeliveryEvent,
  DeploymentEvent,
  DoraResponse,
  IncidentEvent,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { Knex } from 'knex';
import { DatabaseDeliveryStore } from '../database/DatabaseDeliveryStore';
import { DatabaseDoraStore } from '../database/dora/DatabaseDoraStore';
import { DoraDerivationSettings } from '../database/dora/DoraDerivationSettings';
import { parseDoraRequest } from '../routes/request/parseDoraRequest';
import { DoraService } from '../service/dora/DoraService';
import { DeploymentReadAccess } from '../service/access/DeploymentReadAccess';
import { EntityCatalog } from '../service/catalog/EntityCatalog';
import { ScopedEntities } from '../service/catalog/ScopedEntities';

/** 2026-03-02T00:00Z, a Monday: the hour 0 of DORA scenarios. */
export const BASE = Date.UTC(2026, 2, 2);

/** The ISO 8601 timestamp `hours` after {@link BASE}. */
export const at = (hours: number) =>
  new Date(BASE + hours * 3_600_000).toISOString();

/** A succeeded production deployment of parking-api finishing at hour `finishedHour`. */
export function production(
  id: string,
  finishedHour: number,
  overrides: Partial<DeploymentEvent> = {},
): DeploymentEvent {
  return {
    type: 'deployment',
    id,
    entityRef: 'component:default/parking-api',
    environment: 'prod',
    version: id,
    commitSha: `head-${id}`,
    status: 'succeeded',
    trigger: 'pipeline',
    startedAt: at(finishedHour - 0.1),
    finishedAt: at(finishedHour),
    ...overrides,
  };
}

/** A commit made at hour `hour`. */
export const commit = (sha: string, hour: number) => ({
  sha,
  committedAt: at(hour),
});

/** A production incident of parking-api opened at hour `openedHour`. */
export function incident(
  id: string,
  openedHour: number,
  resolvedHour?: number,
  overrides: Partial<IncidentEvent> = {},
): IncidentEvent {
  return {
    type: 'incident',
    id,
    entityRef: 'component:default/parking-api',
    environment: 'prod',
    openedAt: at(openedHour),
    ...(resolvedHour !== undefined && { resolvedAt: at(resolvedHour) }),
    ...overrides,
  };
}

/** Hours in seconds, as the API answers durations. */
export const hours = (count: number) => count * 3600;

/** A catalog component, for the DORA scopes. */
export function catalogComponent(
  name: string,
  spec: { system?: string; owner?: string } = {},
  annotations?: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, ...(annotations && { annotations }) },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/smart-city',
      ...spec,
    },
  };
}

/**
 * A store on one test database with a DORA service over it: ingest events
 * the way `POST /events` stores them, then ask for numbers.
 */
export async function createDora(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  options: { entities?: Entity[]; settings?: DoraDerivationSettings } = {},
) {
  const knex: Knex = await databases.init(databaseId);
  const database = { getClient: async () => knex };
  const store = await DatabaseDeliveryStore.create({
    database,
    dora: options.settings,
  });
  const service = new DoraService(
    await DatabaseDoraStore.create({ database }),
    new ScopedEntities(
      new EntityCatalog(
        catalogServiceMock({
          entities: options.entities ?? [
            catalogComponent('parking-api'),
            catalogComponent('lighting-api'),
          ],
        }),
        mockServices.auth(),
      ),
      new DeploymentReadAccess(mockServices.permissions()),
    ),
  );

  return {
    knex,
    store,
    /** Stores a batch of events at once, in one transaction. */
    ingest: (events: DeliveryEvent[]) =>
      store.ingest(
        events.filter((e): e is DeploymentEvent => e.type === 'deployment'),
        events.filter((e): e is IncidentEvent => e.type === 'incident'),
      ),
    /** The numbers for a `GET /dora` query (entityRef parking-api unless given). */
    dora: (query: {
      entityRef?: string | null;
      from: string;
      to: string;
      bucket?: 'day' | 'week';
      timeZone?: string;
    }): Promise<DoraResponse> =>
      service.getMetrics(
        parseDoraRequest({
          ...query,
          entityRef:
            query.entityRef === null
              ? undefined
              : query.entityRef ?? 'component:default/parking-api',
        }),
        mockCredentials.user(),
      ),
  };
}
