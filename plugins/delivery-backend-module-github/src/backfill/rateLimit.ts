import type { LoggerService } from '@backstage/backend-plugin-api';

/** How a response or a refusal names GitHub's rate limit. */
type Headers = Record<string, string | number | undefined>;

/** Waits that many milliseconds, or until the signal stops the run. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    function stop() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', stop, { once: true });
  });

// A little past the reset: GitHub's clock and ours differ by a moment.
const CLOCK_MARGIN_MS = 1000;

/** The wait GitHub asks for in a refusal, or undefined when it is no rate limit. */
export function rateLimitWait(
  error: unknown,
  now = Date.now(),
): number | undefined {
  const { status, response } = (error ?? {}) as {
    status?: number;
    response?: { headers?: Headers };
  };
  if (status !== 403 && status !== 429) {
    return undefined;
  }
  const headers = response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) {
    return retryAfter * 1000;
  }
  if (String(headers['x-ratelimit-remaining']) !== '0') {
    return undefined;
  }
  const reset = Number(headers['x-ratelimit-reset']) * 1000;
  return Math.max(
    Number.isFinite(reset) ? reset - now + CLOCK_MARGIN_MS : 60_000,
    CLOCK_MARGIN_MS,
  );
}

/**
 * Runs GitHub requests so that a rate limit makes the backfill wait until
 * GitHub's reset rather than fail: the client's own throttling retries a
 * couple of times; past that, this waits as long as GitHub says and tries
 * again, for as long as the run is not stopped.
 */
export class RateLimitedRequests {
  constructor(
    private readonly options: {
      logger: LoggerService;
      signal?: AbortSignal;
      sleep?: Sleep;
    },
  ) {}

  async run<T>(request: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await request();
      } catch (error) {
        const wait = rateLimitWait(error);
        if (wait === undefined) {
          throw error;
        }
        this.options.logger.info(
          `GitHub's rate limit is reached; the backfill waits ${Math.ceil(
            wait / 1000,
          )} s for it to reset`,
        );
        await (this.options.sleep ?? sleep)(wait, this.options.signal);
      }
    }
  }
}
