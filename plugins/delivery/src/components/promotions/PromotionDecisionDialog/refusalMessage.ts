import { ResponseError } from '@backstage/errors';

/**
 * What the backend said when it refused a request (e.g. the 409 that someone
 * else decided first, or the 403 of a missing permission): a `ResponseError`'s
 * own message is only the status line, the server's words are in its cause.
 */
export function refusalMessage(error: Error): string {
  if (error.name === 'ResponseError') {
    const { cause, statusCode } = error as ResponseError;
    if (cause?.message) {
      return `${cause.message} (${statusCode})`;
    }
  }
  return error.message;
}
