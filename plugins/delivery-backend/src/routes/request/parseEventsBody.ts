import { CustomErrorBase, InputError } from '@backstage/errors';
import express, { RequestHandler } from 'express';

// Set by body-parser's verify hook, whether the body has any bytes; it does
// not run when the request announces no body at all.
const HAS_BODY = Symbol('hasEventsBody');
type RequestWithBody = { [HAS_BODY]?: boolean };

/** The body is bigger than the configured limit; answered with 413. */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413;
}

/** The default limit of a `POST /events` body: 1000 events with room for commits. */
export const DEFAULT_EVENTS_BODY_LIMIT = '5mb';

/**
 * Parses the JSON body of `POST /events` with a size limit. It runs before
 * the OpenAPI router, whose error handler would turn every body-parser error
 * into a 400: here a body over the limit becomes a 413 and malformed JSON a
 * 400, each with a message that says what to do.
 */
export function parseEventsBody(
  limit: string | number = DEFAULT_EVENTS_BODY_LIMIT,
): RequestHandler {
  // Not strict: a body of `null` or `42` is JSON, just not events, and is
  // answered so by parseEventsRequest rather than called malformed.
  const parseJson = express.json({
    limit,
    strict: false,
    verify: (req, _res, buffer) => {
      (req as RequestWithBody)[HAS_BODY] = buffer.length > 0;
    },
  });
  return (req, res, next) => {
    if (!req.is('application/json')) {
      next(
        new InputError(
          'The body must be JSON, sent with Content-Type: application/json',
        ),
      );
      return;
    }
    parseJson(req, res, error => {
      if (error?.type === 'entity.too.large') {
        next(
          new PayloadTooLargeError(
            `The body is larger than ${limit}; send fewer events per request (at most 1000)`,
          ),
        );
      } else if (error?.type === 'entity.parse.failed') {
        next(new InputError(`The body is not valid JSON: ${error.message}`));
      } else if (!error && !(req as RequestWithBody)[HAS_BODY]) {
        // body-parser answers an empty body with `{}`, which would be read as
        // one event with every field missing.
        next(
          new InputError(
            'The body is empty; send one event object or an array of events',
          ),
        );
      } else if (
        !error &&
        (req.body === null || typeof req.body !== 'object')
      ) {
        // Answered here: the OpenAPI router's message would only list schemas.
        next(
          new InputError(
            'The body must be one event object or an array of events',
          ),
        );
      } else {
        next(error);
      }
    });
  };
}
