import { QueryParameters } from '@backstage/backend-openapi-utils';
import { InputError } from '@backstage/errors';
import { DoraBucketSize } from '@domain-delivery/backstage-plugin-delivery-common';
import { DateTime } from 'luxon';
import { isTimeZone } from './isTimeZone';
import { DoraRequest, DoraScope } from '../../service/dora/DoraService';
import { doraWindow } from '../../service/dora/DoraWindow';
import { parseEntityScope } from './parseEntityScope';
import { PLAIN_UTC_TIMESTAMP } from '../../service/plainUtcTimestamp';
import { spec } from '../../schema/openapi/generated/router';

const BUCKET_SIZES: readonly DoraBucketSize[] = ['day', 'week'];

/** The scope an `entityRef` parameter names; an `InputError` says what is wrong. */
function parseDoraScope(entityRef: string | undefined): DoraScope {
  if (entityRef === undefined || entityRef.trim() === '') {
    return { type: 'portal' };
  }
  return parseEntityScope(
    entityRef,
    ['component', 'domain', 'group'],
    'or left out for the whole portal',
  );
}

function parseInstant(name: string, value: string, zone: string): number {
  if (PLAIN_UTC_TIMESTAMP.test(value)) {
    // What the portal's pages send, without luxon's parser (a tenth of a
    // millisecond per request).
    return Date.parse(value);
  }
  // A timestamp with an offset is that instant; without one, or a bare date,
  // it is read in the time zone.
  const parsed = DateTime.fromISO(value, { zone });
  if (!parsed.isValid) {
    throw new InputError(
      `${name} must be an ISO 8601 date or timestamp, such as 2026-03-01 or 2026-03-01T00:00:00Z; got '${value}'`,
    );
  }
  return parsed.toMillis();
}

/**
 * Validates a `GET /dora` query: the scope `entityRef`, and `from`, `to`,
 * `timeZone` (IANA, default UTC) and `bucket` (`day`, the default, or
 * `week`) of the window. An `InputError` names the parameter that is wrong.
 */
export function parseDoraRequest(
  query: QueryParameters<typeof spec, '/dora', 'get'>,
): DoraRequest {
  const scope = parseDoraScope(query.entityRef);
  const timeZone = query.timeZone ?? 'UTC';
  if (!isTimeZone(timeZone)) {
    throw new InputError(
      `timeZone must be an IANA time zone, such as Europe/Berlin or UTC; got '${timeZone}'`,
    );
  }
  const bucket = (query.bucket ?? 'day') as DoraBucketSize;
  if (!BUCKET_SIZES.includes(bucket)) {
    throw new InputError(`bucket must be day or week; got '${query.bucket}'`);
  }
  if (query.from === undefined || query.to === undefined) {
    throw new InputError(
      `${
        query.from === undefined ? 'from' : 'to'
      } is required: the window is [from, to)`,
    );
  }
  const from = parseInstant('from', query.from, timeZone);
  const to = parseInstant('to', query.to, timeZone);
  if (from >= to) {
    throw new InputError(
      `from must be before to (the window is [from, to)); got from '${query.from}' and to '${query.to}'`,
    );
  }
  return { scope, window: doraWindow({ from, to, timeZone, bucket }) };
}
