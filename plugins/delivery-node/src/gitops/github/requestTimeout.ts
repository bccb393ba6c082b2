import { ServiceUnavailableError } from '@backstage/errors';

/** The options the {@link requestTimeout} plugin reads. */
export interface RequestTimeoutOptions {
  requestTimeout?: { timeoutMs: number; signal?: AbortSignal };
}

/**
 * An Octokit plugin that gives each request (each attempt, when it is
 * registered before the retry plugin) its own timeout, and stops it when the
 * caller aborts. Neither is tried again: a request that timed out may have
 * been carried out.
 */
export function requestTimeout(
  octokit: { hook: { wrap: Function } },
  options: RequestTimeoutOptions,
) {
  const settings = options.requestTimeout;
  if (!settings) {
    return;
  }
  const { timeoutMs, signal } = settings;
  octokit.hook.wrap(
    'request',
    async (
      request: (options: any) => Promise<unknown>,
      requestOptions: { method: string; url: string; request?: object },
    ) => {
      const timeout = AbortSignal.timeout(timeoutMs);
      // The hooks share one options object: the signal is set on it.
      requestOptions.request = {
        ...requestOptions.request,
        signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
      };
      try {
        return await request(requestOptions);
      } catch (error) {
        // Errors without the request's details are not retried.
        if (signal?.aborted) {
          throw signal.reason ?? error;
        }
        if (timeout.aborted) {
          throw new ServiceUnavailableError(
            `GitHub did not answer ${requestOptions.method} ${requestOptions.url} within ${timeoutMs} ms`,
          );
        }
        throw error;
      }
    },
  );
}
