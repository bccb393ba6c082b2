import { InputError } from '@backstage/errors';
import { DateTime } from 'luxon';
import { isTimeZone } from './isTimeZone';
import { FreezeWindowRequest } from '../../service/promotions/freezeWindows/FreezeWindowService';
import { isRecord } from './isRecord';

const MAX_REASON_LENGTH = 500;

/**
 * Validates a `POST /freeze-windows` body: a configured environment, a start
 * and an end in the future, in an IANA time zone (UTC unless given); an
 * `InputError` names the field that is wrong.
 */
export function parseFreezeWindowRequest(
  body: unknown,
  environmentNames: string[],
  now: Date,
): FreezeWindowRequest {
  if (!isRecord(body)) {
    throw new InputError('The body must be a freeze window object');
  }
  const { environment, start, end, timeZone, reason } = body;
  if (
    typeof environment !== 'string' ||
    !environmentNames.includes(environment)
  ) {
    throw new InputError(
      `environment must be one of the configured environments: ${environmentNames.join(
        ', ',
      )}`,
    );
  }
  const zone = timeZone ?? 'UTC';
  if (typeof zone !== 'string' || !isTimeZone(zone)) {
    throw new InputError(
      `timeZone '${String(
        zone,
      )}' is not an IANA time zone such as 'Europe/Berlin'`,
    );
  }
  const instant = (field: string, value: unknown) => {
    const parsed =
      typeof value === 'string' ? DateTime.fromISO(value, { zone }) : undefined;
    if (!parsed?.isValid) {
      throw new InputError(
        `${field} must be an ISO 8601 date and time, such as '2026-12-23T00:00:00+01:00'`,
      );
    }
    return parsed.toUTC();
  };
  const startAt = instant('start', start);
  const endAt = instant('end', end);
  if (endAt <= startAt) {
    throw new InputError('end must be after start');
  }
  if (endAt.toMillis() <= now.getTime()) {
    throw new InputError('end must be in the future');
  }
  if (
    reason !== undefined &&
    (typeof reason !== 'string' || reason.length > MAX_REASON_LENGTH)
  ) {
    throw new InputError(
      `reason must be a text of at most ${MAX_REASON_LENGTH} characters`,
    );
  }
  return {
    environment,
    start: startAt.toISO()!,
    end: endAt.toISO()!,
    ...(typeof reason === 'string' &&
      reason.trim() && { reason: reason.trim() }),
  };
}
