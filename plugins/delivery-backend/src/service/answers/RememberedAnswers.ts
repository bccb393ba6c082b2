import { AsyncLocalStorage } from 'node:async_hooks';
import { RequestHandler } from 'express';
import { LRUCache } from 'lru-cache';
import { DataVersion } from '../../database/DataVersion';

// How many answers a replica keeps, least recently used forgotten first: a
// domain's DORA answer with its daily series is the largest, tens of KB.
const MAX_ANSWERS = 500;

// The data version read once per request: the answers of one request come
// from one state of the data, and a page's call that reads several kept
// answers asks the database for the version once.
const requestVersions = new AsyncLocalStorage<{ version?: Promise<string> }>();

/** Middleware: the requests it handles each read the data version at most once. */
export const oneDataVersionPerRequest: RequestHandler = (_req, _res, next) =>
  requestVersions.run({}, next);

interface KeptAnswer {
  version: string;
  answer: unknown;
}

/**
 * Answers that are costly to compute (DORA aggregates, the latest
 * deployments of a domain, an entity's environments), kept on this replica
 * under the data version they were computed at and served again while the
 * data has not changed: a busy portal shows the same pages to many people
 * many times a second. Keys name everything an answer depends on besides
 * the data (the entities, the window): callers resolve what the caller may
 * read first. Several requests for an answer not kept yet share one
 * computation. Without a data version (SQLite), every answer is computed.
 */
export class RememberedAnswers {
  private readonly kept = new LRUCache<string, KeptAnswer>({
    max: MAX_ANSWERS,
  });
  private readonly computing = new Map<string, Promise<unknown>>();

  constructor(private readonly version: DataVersion | undefined) {}

  async remembered<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.version) {
      return compute();
    }
    // Read before computing: an answer is never older than its version.
    const version = await this.currentVersion(this.version);
    const kept = this.kept.get(key);
    if (kept && kept.version === version) {
      return kept.answer as T;
    }
    const computation = `${version}\n${key}`;
    let answer = this.computing.get(computation) as Promise<T> | undefined;
    if (!answer) {
      answer = compute().then(computed => {
        this.kept.set(key, { version, answer: computed });
        return computed;
      });
      this.computing.set(computation, answer);
      answer
        .finally(() => this.computing.delete(computation))
        .catch(() => undefined);
    }
    return answer;
  }

  private currentVersion(version: DataVersion): Promise<string> {
    const request = requestVersions.getStore();
    if (!request) {
      return version.current();
    }
    request.version ??= version.current();
    return request.version;
  }
}

/** Answers computed for every request: where no answers are kept. */
export const computedEachTime = new RememberedAnswers(undefined);
