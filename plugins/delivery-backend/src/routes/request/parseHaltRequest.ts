import { InputError } from '@backstage/errors';
import { HaltRequest } from '../../service/promotions/halts/HaltService';
import { parseHaltScope } from '../../service/promotions/halts/haltScope';
import { isRecord } from './isRecord';

const MAX_REASON_LENGTH = 500;

/** The body of `POST /halts`; an `InputError` naming the field otherwise. */
export function parseHaltRequest(body: unknown): HaltRequest {
  if (!isRecord(body)) {
    throw new InputError('The body must be a halt object');
  }
  const { scope, reason } = body;
  if (typeof scope !== 'string') {
    throw new InputError(
      "scope must be 'portal' or 'domain:<namespace>/<name>'",
    );
  }
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw new InputError('reason is required: say why promotions stop');
  }
  if (reason.length > MAX_REASON_LENGTH) {
    throw new InputError(
      `reason must be at most ${MAX_REASON_LENGTH} characters`,
    );
  }
  return { scope: parseHaltScope(scope), reason: reason.trim() };
}
