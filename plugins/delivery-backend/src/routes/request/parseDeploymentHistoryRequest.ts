import { QueryParameters } from '@backstage/backend-openapi-utils';
import { InputError } from '@backstage/errors';
import {
  DeploymentStatus,
  normalizeEntityRef,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DateTime } from 'luxon';
import { spec } from '../../schema/openapi/generated/router';
import { decodeCursor } from '../../service/deployments/deploymentCursor';
import { DeploymentHistoryRequest } from '../../service/deployments/DeploymentsService';
import { parseEntityScope } from './parseEntityScope';

/** How many deployments a page holds unless `limit` says otherwise. */
export const DEFAULT_PAGE_SIZE = 25;
/** The most deployments a page may hold. */
export const MAX_PAGE_SIZE = 100;
/** The most entities one request may name with `entityRef` (it keeps URLs short). */
export const MAX_ENTITY_REFS = 100;

const STATUSES: readonly DeploymentStatus[] = [
  'in_progress',
  'succeeded',
  'failed',
  'cancelled',
];

/** The `GET /deployments` query parameters as the spec types them and the router hands them over. */
export type DeploymentHistoryParameters = QueryParameters<
  typeof spec,
  '/deployments',
  'get'
>;

// A repeatable parameter arrives as one value or several.
const listOf = (value: string | string[]) =>
  Array.isArray(value) ? value : [value];

function parseEntityRefs(value: string | string[]): string[] {
  const refs = listOf(value);
  if (refs.length > MAX_ENTITY_REFS) {
    throw new InputError(
      `entityRef may name at most ${MAX_ENTITY_REFS} entities; got ${refs.length}`,
    );
  }
  const normalized = refs.map(ref => {
    try {
      return normalizeEntityRef(ref);
    } catch {
      throw new InputError(
        `entityRef must be an entity ref with a kind, such as component:default/payments-api; got '${ref}'`,
      );
    }
  });
  return [...new Set(normalized)];
}

function parseStatuses(value: string | string[]): DeploymentStatus[] {
  const statuses = listOf(value);
  for (const status of statuses) {
    if (!STATUSES.includes(status as DeploymentStatus)) {
      throw new InputError(
        `status must be one of ${STATUSES.join(', ')}; got '${status}'`,
      );
    }
  }
  return [...new Set(statuses as DeploymentStatus[])];
}

function parseSince(value: string): string {
  // Without an offset, a timestamp or date is read in UTC.
  const since = DateTime.fromISO(value, { zone: 'utc' });
  if (!since.isValid) {
    throw new InputError(
      `since must be an ISO 8601 timestamp, such as 2026-03-02T00:00:00Z; got '${value}'`,
    );
  }
  return since.toUTC().toISO()!;
}

/** Validates a `GET /deployments` query; an `InputError` names the bad parameter. */
export function parseDeploymentHistoryRequest(
  query: DeploymentHistoryParameters,
  environmentNames: ReadonlySet<string>,
): DeploymentHistoryRequest {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new InputError(
      `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`,
    );
  }
  const { environment } = query;
  if (environment !== undefined && !environmentNames.has(environment)) {
    throw new InputError(
      `environment '${environment}' is not a configured environment`,
    );
  }
  return {
    limit,
    ...(environment !== undefined && { environment }),
    ...(query.entityRef !== undefined && {
      entityRefs: parseEntityRefs(query.entityRef),
    }),
    ...(query.domain !== undefined && {
      domain: parseEntityScope(query.domain, ['domain'], undefined, 'domain'),
    }),
    ...(query.owner !== undefined && {
      owner: parseEntityScope(query.owner, ['group'], undefined, 'owner'),
    }),
    ...(query.status !== undefined && {
      statuses: parseStatuses(query.status),
    }),
    ...(query.since !== undefined && { since: parseSince(query.since) }),
    ...(query.cursor !== undefined && { after: decodeCursor(query.cursor) }),
  };
}
