import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { LRUCache } from 'lru-cache';
import { callerKey } from '../access/callerKey';

// How long a catalog answer is reused. The catalog itself takes longer than
// this to process a changed entity, so pages are not noticeably staler.
const CATALOG_ANSWER_TTL_MS = 10_000;
// An answer this old is still given, and looked up again in the background,
// so that a caller who keeps reading never waits for the catalog.
const CATALOG_ANSWER_REFRESH_MS = 5_000;
const MAX_CATALOG_ANSWERS = 5_000;

/**
 * Catalog answers kept for a few seconds per caller on this replica: one
 * page asks the same lookups several times at once, and a busy portal asks
 * them many times a second, each a catalog query. They are kept as they
 * are, not serialized: a domain's components are read on every domain call.
 * Callers do not change what they get.
 */
export class CatalogAnswers {
  private readonly kept = new LRUCache<string, { value: unknown; at: number }>({
    max: MAX_CATALOG_ANSWERS,
    ttl: CATALOG_ANSWER_TTL_MS,
    // By the wall clock, which the tests can move.
    perf: Date,
  });
  // The answers being looked up again in the background.
  private readonly refreshing = new Set<string>();

  async remembered<T>(
    lookup: string,
    credentials: BackstageCredentials,
    compute: () => Promise<T>,
  ): Promise<T> {
    const key = `${lookup}\n${callerKey(credentials)}`;
    const kept = this.kept.get(key);
    if (kept) {
      if (
        Date.now() - kept.at >= CATALOG_ANSWER_REFRESH_MS &&
        !this.refreshing.has(key)
      ) {
        this.refreshing.add(key);
        // Should it fail, the answer expires and the next lookup waits.
        this.lookUp(key, compute)
          .catch(() => undefined)
          .finally(() => this.refreshing.delete(key));
      }
      return kept.value as T;
    }
    return this.lookUp(key, compute);
  }

  private async lookUp<T>(key: string, compute: () => Promise<T>) {
    const at = Date.now();
    const value = await compute();
    // Not found is not kept: an entity registered a moment ago shows at once.
    if (value !== undefined) {
      this.kept.set(key, { value, at }, { start: at });
    }
    return value;
  }
}
