import type { GitHubClient } from '../deployments/DeploymentCommits';
import type { RateLimitedRequests } from './rateLimit';

/** One page of a GitHub list. */
export interface ListedPage<T> {
  items: T[];
  /** Whether GitHub links a next page. */
  hasNext: boolean;
  etag?: string;
}

/** A read of one resource: its body and ETag, or `unchanged` (304). */
export type ConditionalRead<T> =
  | { unchanged: true }
  | { unchanged: false; data: T; etag?: string; hasNext: boolean };

/**
 * `fetch` for conditional requests. GitHub answers a 304 with no body but a
 * JSON content type, which the client's request library fails to parse (an
 * error of status 500 that the retry plugin then tries again, with growing
 * pauses); without the content type, it reports the 304 as such.
 */
const conditionalFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.status !== 304) {
    return response;
  }
  const headers = new Headers(response.headers);
  headers.delete('content-type');
  return new Response(null, { status: 304, headers });
};

function statusOf(error: unknown): number | undefined {
  return (error as { status?: number })?.status;
}

/**
 * GET requests to GitHub's REST API that name what they already have
 * (`If-None-Match` with the ETag of the last answer): an unchanged resource
 * answers 304, which does not count against the rate limit.
 */
export class GitHubLists {
  constructor(
    private readonly github: GitHubClient,
    private readonly requests: RateLimitedRequests,
  ) {}

  async read<T>(
    route: string,
    params: Record<string, string | number | boolean>,
    etag?: string,
  ): Promise<ConditionalRead<T>> {
    try {
      const response = await this.requests.run(() =>
        this.github.request(route, {
          ...params,
          ...(etag && {
            headers: { 'if-none-match': etag },
            request: { fetch: conditionalFetch },
          }),
        }),
      );
      return {
        unchanged: false,
        data: response.data as T,
        etag: response.headers.etag,
        hasNext: /rel="next"/.test(response.headers.link ?? ''),
      };
    } catch (error) {
      if (etag && statusOf(error) === 304) {
        return { unchanged: true };
      }
      throw error;
    }
  }

  /** A page of a list; `items` picks the list out of the body when it is wrapped. */
  async page<T>(
    route: string,
    params: Record<string, string | number | boolean>,
    options: { etag?: string; items?: (body: any) => T[] } = {},
  ): Promise<ListedPage<T> | 'unchanged'> {
    const read = await this.read<unknown>(route, params, options.etag);
    if (read.unchanged) {
      return 'unchanged';
    }
    return {
      items: options.items ? options.items(read.data) : (read.data as T[]),
      hasNext: read.hasNext,
      etag: read.etag,
    };
  }
}
