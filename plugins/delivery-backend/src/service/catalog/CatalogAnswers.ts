import {
  BackstageCredentials,
  CacheService,
} from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';

// How long a catalog answer is reused. The catalog itself takes longer than
// this to process a changed entity, so pages are not noticeably staler.
const CATALOG_ANSWER_TTL_MS = 10_000;

// Who the catalog answered: a person sees only what the catalog lets them
// see, so answers are kept per person.
function callerKey(credentials: BackstageCredentials): string {
  const { principal } = credentials as BackstageCredentials<{
    type: string;
    userEntityRef?: string;
    subject?: string;
  }>;
  return `${principal.type}:${principal.userEntityRef ?? principal.subject}`;
}

/**
 * Catalog answers kept for a few seconds per caller in Backstage's cache
 * service: one page asks the same lookups several times at once, and a busy
 * portal asks them many times a second, each a catalog query. Without a
 * cache, every lookup asks the catalog.
 */
export class CatalogAnswers {
  constructor(private readonly cache?: CacheService) {}

  async remembered<T>(
    lookup: string,
    credentials: BackstageCredentials,
    compute: () => Promise<T>,
  ): Promise<T> {
    if (!this.cache) {
      return compute();
    }
    const key = `${lookup}\n${callerKey(credentials)}`;
    const kept = await this.cache.get(key);
    if (kept !== undefined) {
      return kept as T;
    }
    const value = await compute();
    // Not found is not kept: an entity registered a moment ago shows at once.
    if (value !== undefined) {
      await this.cache.set(key, value as JsonValue, {
        ttl: CATALOG_ANSWER_TTL_MS,
      });
    }
    return value;
  }
}
