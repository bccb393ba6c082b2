import { QueryParameters } from '@backstage/backend-openapi-utils';
import { InputError } from '@backstage/errors';
import { PipelineHealthRequest } from '../../service/pipelines/PipelineHealthService';
import { spec } from '../../schema/openapi/generated/router';
import { parseEntityScope } from './parseEntityScope';

const DAY = 24 * 3600 * 1000;
/** The window unless `from` says otherwise. */
export const DEFAULT_PIPELINE_HEALTH_DAYS = 30;
const MAX_DAYS = 366;

function parseInstant(name: string, value: string): number {
  const millis = Date.parse(value);
  if (Number.isNaN(millis)) {
    throw new InputError(
      `${name} must be an ISO 8601 timestamp, such as 2026-03-01T00:00:00Z; got '${value}'`,
    );
  }
  return millis;
}

/**
 * Validates a `GET /pipelines/health` query: the scope `entityRef` (left out
 * for the portal) and the window `[from, to)`, the last 30 days unless told;
 * an `InputError` names the parameter that is wrong.
 */
export function parsePipelineHealthRequest(
  query: QueryParameters<typeof spec, '/pipelines/health', 'get'>,
  now: number = Date.now(),
): PipelineHealthRequest {
  const scope =
    query.entityRef === undefined || query.entityRef.trim() === ''
      ? undefined
      : parseEntityScope(
          query.entityRef,
          ['component', 'domain', 'group'],
          'or left out for the whole portal',
        );
  const to = query.to === undefined ? now : parseInstant('to', query.to);
  const from =
    query.from === undefined
      ? to - DEFAULT_PIPELINE_HEALTH_DAYS * DAY
      : parseInstant('from', query.from);
  if (from >= to) {
    throw new InputError(
      `from must be before to (the window is [from, to)); got from '${new Date(
        from,
      ).toISOString()}' and to '${new Date(to).toISOString()}'`,
    );
  }
  if (to - from > MAX_DAYS * DAY) {
    throw new InputError(
      `The window from from to to must be at most ${MAX_DAYS} days long`,
    );
  }
  return { ...(scope && { scope }), from, to };
}
