import type { FeedPosition } from './BackfillState';
import type { GitHubLists } from './GitHubLists';

/** What every item of a list the backfill reads has. */
export interface ListedItem {
  id: number;
  created_at: string;
  updated_at: string;
}

/** What changed in a list since the backfill last read it. */
export interface ListChanges<T> {
  /** Every item read, changed or not, newest first. */
  listed: T[];
  /** Those created in the window and new or updated since the last run. */
  changed: T[];
  /** The ETag of the first page, to name next time. */
  etag?: string;
  /** Whether the reading reached the list's end. */
  complete: boolean;
}

const PER_PAGE = 100;

/**
 * Reads a list GitHub gives newest first (deployments, workflow runs) back to
 * the start of the window on the first run, and on later runs only as far as
 * the items it has already seen. The first page is asked for with its ETag:
 * when nothing was added or updated, GitHub answers 304 and that is the one
 * request of the run.
 */
export async function changedItems<T extends ListedItem>(options: {
  lists: GitHubLists;
  route: string;
  params: Record<string, string | number | boolean>;
  items?: (body: any) => T[];
  position?: FeedPosition;
  /** The start of the window: older items are left alone. */
  since: string;
}): Promise<ListChanges<T> | 'unchanged'> {
  const { lists, route, params, items, position, since } = options;
  const seenUpTo = position?.seenUpTo;
  const listed: T[] = [];
  let etag: string | undefined;
  let hasNext = true;
  for (let page = 1; hasNext; page++) {
    const read = await lists.page<T>(
      route,
      { ...params, per_page: PER_PAGE, page },
      // Only the first page: it changes whenever anything is added or updated.
      { etag: page === 1 ? position?.etag : undefined, items },
    );
    if (read === 'unchanged') {
      return 'unchanged';
    }
    if (page === 1) {
      etag = read.etag;
    }
    listed.push(...read.items);
    hasNext = read.hasNext && read.items.length > 0;
    const oldest = read.items[read.items.length - 1];
    // Past the window, or past what the last run saw: nothing further is new.
    if (
      oldest &&
      (oldest.created_at < since || (seenUpTo && oldest.created_at <= seenUpTo))
    ) {
      break;
    }
  }
  const unfinished = new Set(position?.unfinished.map(item => item.id));
  const changed = listed.filter(
    item =>
      item.created_at >= since &&
      (!seenUpTo || item.updated_at > seenUpTo || unfinished.has(item.id)),
  );
  return { listed, changed, etag, complete: !hasNext };
}

/** The latest `updated_at` among the items and the last position. */
export function latestUpdate(
  items: ListedItem[],
  position: FeedPosition | undefined,
): string {
  return items.reduce(
    (latest, item) => (item.updated_at > latest ? item.updated_at : latest),
    position?.seenUpTo ?? '',
  );
}
