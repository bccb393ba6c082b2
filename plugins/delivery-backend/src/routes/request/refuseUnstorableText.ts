import { InputError } from '@backstage/errors';
import { NextFunction, Request, Response } from 'express';
import { EventFieldProblem } from '../../service/ingestion/EventFieldProblem';
import { checkStorableBody } from '../../service/ingestion/storableText';

/**
 * Refuses, with a 400 naming the field, a JSON body holding text that
 * PostgreSQL refuses (NUL) or SQLite alters (an unpaired surrogate): a
 * promotion's reason, a comment, a freeze window's or a halt's reason. Events
 * are checked one by one instead, so that one bad event keeps the others.
 */
export function refuseUnstorableText(
  req: Request,
  _res: Response,
  next: NextFunction,
): void {
  if (req.path === '/events') {
    next();
    return;
  }
  try {
    checkStorableBody(req.body);
  } catch (error) {
    if (error instanceof EventFieldProblem) {
      throw new InputError(`${error.field} ${error.reason}`);
    }
    throw error;
  }
  next();
}
