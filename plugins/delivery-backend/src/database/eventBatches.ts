import { Knex } from 'knex';
import { eachChunk } from './chunks';

// An event id belongs to the entity and environment of its first report; a
// later report under the same id never moves the record elsewhere.
export const OWNER_COLUMNS = ['entity_ref', 'environment'];

export type Owned = { id: string; entityRef: string; environment: string };
type Owner = Pick<Owned, 'entityRef' | 'environment'>;

/**
 * An event not applied because its id belongs to another entity or
 * environment: to an earlier event of the batch or to the stored record.
 */
export type EventIdConflict = {
  /** The event's position in the list given to the store. */
  index: number;
  id: string;
  /** The field that differs from the id's owner. */
  field: 'entityRef' | 'environment';
  /** Where the id belongs. */
  owner: Owner;
};

function conflictWith(
  owner: Owner,
  event: Owned,
  index: number,
): EventIdConflict | undefined {
  if (owner.entityRef !== event.entityRef) {
    return { index, id: event.id, field: 'entityRef', owner };
  }
  if (owner.environment !== event.environment) {
    return { index, id: event.id, field: 'environment', owner };
  }
  return undefined;
}

/** A batch's events reduced to one per id. */
export type Batch<T extends Owned> = {
  /** One event per id, sorted by id. */
  winners: T[];
  /** The positions of the events of each id that were not conflicts. */
  positions: Map<string, number[]>;
  conflicts: EventIdConflict[];
};

/**
 * The events of a batch that win, one per id, applying them in order; sorted
 * by id, so that concurrent batches lock rows in the same order and cannot
 * deadlock. The first event of an id decides where it belongs within the
 * batch; a later one for another entity or environment is a conflict.
 */
export function winners<T extends Owned>(
  events: T[],
  replaces: (current: T, incoming: T) => boolean,
): Batch<T> {
  const byId = new Map<string, { first: T; winner: T }>();
  const positions = new Map<string, number[]>();
  const conflicts: EventIdConflict[] = [];
  events.forEach((event, index) => {
    const seen = byId.get(event.id);
    if (!seen) {
      byId.set(event.id, { first: event, winner: event });
      positions.set(event.id, [index]);
      return;
    }
    const conflict = conflictWith(seen.first, event, index);
    if (conflict) {
      conflicts.push(conflict);
      return;
    }
    positions.get(event.id)!.push(index);
    if (replaces(seen.winner, event)) {
      seen.winner = event;
    }
  });
  const sorted = [...byId.values()]
    .map(({ winner }) => winner)
    .sort((x, y) => (x.id < y.id ? -1 : Number(x.id > y.id)));
  return { winners: sorted, positions, conflicts };
}

/**
 * The conflicts among winners the upsert did not apply because the stored
 * record's entity or environment differs: every event of the batch with that
 * id. Winners kept out by a finished stored status are no conflict.
 */
export async function storedOwnerConflicts(
  tx: Knex.Transaction,
  table: string,
  batch: Batch<Owned>,
  changedIds: string[],
): Promise<EventIdConflict[]> {
  const changed = new Set(changedIds);
  const unapplied = batch.winners.filter(event => !changed.has(event.id));
  if (unapplied.length === 0) {
    return [];
  }
  const owners = new Map<string, Owner>();
  await eachChunk(
    unapplied.map(event => event.id),
    async ids => {
      const rows: Array<{
        id: string;
        entity_ref: string;
        environment: string;
      }> = await tx(table)
        .select('id', ...OWNER_COLUMNS)
        .whereIn('id', ids);
      for (const row of rows) {
        owners.set(row.id, {
          entityRef: row.entity_ref,
          environment: row.environment,
        });
      }
    },
  );
  return unapplied.flatMap(event => {
    const owner = owners.get(event.id);
    if (!owner) {
      return [];
    }
    return batch.positions
      .get(event.id)!
      .flatMap(index => conflictWith(owner, event, index) ?? []);
  });
}
