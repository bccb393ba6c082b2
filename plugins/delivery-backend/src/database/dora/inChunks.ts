import { chunks } from '../chunks';

/** Keeps `IN (...)` lists well under SQLite's bound parameter limit. */
export const IN_LIST_SIZE = 500;

/**
 * Runs a query per slice of at most {@link IN_LIST_SIZE} items, e.g. one
 * `WHERE id IN (...)` each, and concatenates the rows they answer.
 */
export async function inChunks<T, R>(
  items: T[],
  run: (chunk: T[]) => Promise<R[] | unknown>,
): Promise<R[]> {
  const results: R[] = [];
  for (const chunk of chunks(items, IN_LIST_SIZE)) {
    const result = await run(chunk);
    if (Array.isArray(result)) {
      results.push(...(result as R[]));
    }
  }
  return results;
}
