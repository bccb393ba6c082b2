import { InputError } from '@backstage/errors';
import { NextFunction, Request, Response } from 'express';
import { EventFieldProblem } from '../../service/ingestion/EventFieldProblem';
import { checkStorableBody } from '../../service/ingestion/storableText';

function refuse(check: () => void, describe: (p: EventFieldProblem) => string) {
  try {
    check();
  } catch (error) {
    if (error instanceof EventFieldProblem) {
      throw new InputError(describe(error));
    }
    throw error;
  }
}

/**
 * Refuses, with a 400 naming the parameter or field, a request whose path,
 * query or JSON body holds text that PostgreSQL refuses (NUL) or SQLite alters
 * (an unpaired surrogate): an id in the path, a filter, a promotion's reason, a
 * comment. Events are checked one by one instead, so that one bad event keeps
 * the others.
 */
export function refuseUnstorableText(
  req: Request,
  _res: Response,
  next: NextFunction,
): void {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    throw new InputError('The path is not valid percent-encoded UTF-8');
  }
  refuse(
    () => checkStorableBody({ path }),
    problem => `The path ${problem.reason}`,
  );
  refuse(
    () => checkStorableBody(req.query),
    problem => `The query parameter ${problem.field} ${problem.reason}`,
  );
  if (req.path !== '/events') {
    refuse(
      () => checkStorableBody(req.body),
      problem => `${problem.field} ${problem.reason}`,
    );
  }
  next();
}
