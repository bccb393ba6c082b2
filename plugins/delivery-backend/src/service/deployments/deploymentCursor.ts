import { InputError } from '@backstage/errors';
import {
  DeploymentRecord,
  HistoryPosition,
} from '../../database/DeliveryStore';

/** The `nextCursor` that continues the history after this position. */
export function encodeCursor(position: HistoryPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString(
    'base64url',
  );
}

/** The position a `cursor` parameter names; an `InputError` when it is not ours. */
export function decodeCursor(cursor: string): HistoryPosition {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      typeof at === 'string' &&
      !Number.isNaN(Date.parse(at)) &&
      typeof id === 'string'
    ) {
      return { at, id };
    }
  } catch {
    // Reported below, like any other cursor that is not ours.
  }
  throw new InputError(
    'cursor is not valid; pass the nextCursor of a previous page',
  );
}

/** Where a deployment sits in the history. */
export function positionOf(deployment: DeploymentRecord): HistoryPosition {
  return {
    at: deployment.finishedAt ?? deployment.startedAt,
    id: deployment.id,
  };
}
