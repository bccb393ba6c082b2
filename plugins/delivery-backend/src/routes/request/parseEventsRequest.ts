import { InputError } from '@backstage/errors';
import { isRecord } from './isRecord';

/**
 * The candidate events of a `POST /events` body, which is one event object or
 * an array of them; ingestion validates each event on its own.
 */
export function parseEventsRequest(body: unknown): unknown[] {
  if (Array.isArray(body)) {
    return body;
  }
  if (isRecord(body)) {
    return [body];
  }
  throw new InputError(
    'The body must be one event object or an array of events',
  );
}
