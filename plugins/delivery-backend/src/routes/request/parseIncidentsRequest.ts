import { QueryParameters } from '@backstage/backend-openapi-utils';
import {
  DEFAULT_INCIDENT_LIMIT,
  IncidentsRequest,
} from '../../service/incidents/IncidentsService';
import { parseEntityScope } from './parseEntityScope';
import { spec } from '../../schema/openapi/generated/router';

/**
 * Validates a `GET /incidents` query; an `InputError` names the bad
 * parameter. The OpenAPI validator has already checked the types and the
 * range of `limit`.
 */
export function parseIncidentsRequest(
  query: QueryParameters<typeof spec, '/incidents', 'get'>,
): IncidentsRequest {
  return {
    scope: parseEntityScope(query.entityRef, ['component', 'domain']),
    open: query.open ?? false,
    limit: query.limit ?? DEFAULT_INCIDENT_LIMIT,
  };
}
