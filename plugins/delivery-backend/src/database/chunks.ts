/**
 * The most items an `IN (...)` list holds: well under SQLite's bound
 * parameter limit, while a batch of 1000 events needs one statement per step.
 */
export const IN_LIST_SIZE = 1000;

/** The items in consecutive slices of at most `size`, e.g. rows per statement. */
export function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}

/**
 * Runs a query per slice of at most {@link IN_LIST_SIZE} items, e.g. one
 * `WHERE id IN (...)` each, and concatenates the rows they answer.
 */
export async function inChunks<T, R>(
  items: T[],
  query: (chunk: T[]) => Promise<R[]>,
): Promise<R[]> {
  const results: R[] = [];
  for (const chunk of chunks(items, IN_LIST_SIZE)) {
    results.push(...(await query(chunk)));
  }
  return results;
}

/** Runs a statement per slice of at most {@link IN_LIST_SIZE} items. */
export async function eachChunk<T>(
  items: T[],
  statement: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (const chunk of chunks(items, IN_LIST_SIZE)) {
    await statement(chunk);
  }
}

/**
 * Reads the rows that belong to the ids (a deployment's commits, a
 * promotion's approvals), a query per slice of ids as {@link inChunks} does,
 * and groups their items by id in the order read: every id has a list, empty
 * when it has none. Rows whose item is undefined are left out.
 */
export async function groupedByIds<R, T>(
  ids: string[],
  query: (chunk: string[]) => Promise<R[]>,
  idOf: (row: R) => string,
  itemOf: (row: R) => T | undefined,
): Promise<Map<string, T[]>> {
  const groups = new Map<string, T[]>(ids.map(id => [id, []]));
  for (const row of await inChunks(ids, query)) {
    const item = itemOf(row);
    if (item !== undefined) {
      groups.get(idOf(row))?.push(item);
    }
  }
  return groups;
}
