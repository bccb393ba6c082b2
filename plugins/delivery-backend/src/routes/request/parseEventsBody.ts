import { CustomErrorBase, InputError } from '@backstage/errors';
import express, { RequestHandler } from 'express';

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
  const parseJson = express.json({ limit });
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
      } else {
        next(error);
      }
    });
  };
}
