import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { ArgoCdApplication } from './ArgoCdApplication';

/**
 * Where an Argo CD instance is and the token that may read (or sync) its
 * applications.
 *
 * @public
 */
export interface ArgoCdInstance {
  /** The Argo CD URL, e.g. `https://argocd.example.com`. */
  baseUrl: string;
  /** An Argo CD API token (a project or account token). */
  token: string;
}

// No single request of Argo CD's may hold up a scheduled task.
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The Argo CD REST API as Domain Delivery uses it: read an application, ask
 * for a sync. The one place that speaks to Argo CD, for the promotion
 * executor, the verification check and the Argo CD source alike.
 *
 * @public
 */
export class ArgoCdClient {
  private readonly baseUrl: string;

  constructor(
    private readonly instance: ArgoCdInstance,
    private readonly options: { timeoutMs?: number } = {},
  ) {
    this.baseUrl = instance.baseUrl.replace(/\/+$/, '');
  }

  /** The application's page in Argo CD's own UI. */
  applicationUrl(name: string): string {
    return `${this.baseUrl}/applications/${encodeURIComponent(name)}`;
  }

  /**
   * `GET /api/v1/applications/{name}`. A `NotFoundError` when Argo CD has no
   * such application or the token may not see it; a `ServiceUnavailableError` when Argo CD cannot be reached or
   * answers otherwise.
   */
  async getApplication(
    name: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<ArgoCdApplication> {
    return this.call(name, '', { signal: options.signal });
  }

  /** `POST /api/v1/applications/{name}/sync`: asks Argo CD to sync the application now. */
  async syncApplication(
    name: string,
    options: { prune: boolean; signal?: AbortSignal },
  ): Promise<void> {
    await this.call(name, '/sync', {
      method: 'POST',
      body: JSON.stringify({ prune: options.prune, dryRun: false }),
      signal: options.signal,
    });
  }

  private async call(
    name: string,
    suffix: string,
    init: { method?: string; body?: string; signal?: AbortSignal },
  ): Promise<any> {
    const method = init.method ?? 'GET';
    const url = `${this.baseUrl}/api/v1/applications/${encodeURIComponent(
      name,
    )}${suffix}`;
    const timeout = AbortSignal.timeout(
      this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          Authorization: `Bearer ${this.instance.token}`,
          Accept: 'application/json',
          ...(init.body && { 'Content-Type': 'application/json' }),
        },
        ...(init.body && { body: init.body }),
        signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
      });
    } catch (error) {
      if (init.signal?.aborted) {
        throw error;
      }
      throw new ServiceUnavailableError(
        `Argo CD at ${this.baseUrl} could not be reached: ${
          (error as Error).message
        }`,
      );
    }
    const text = await response.text();
    let body: any = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    // Argo CD answers a read of an application the token may not see with 403.
    if (
      response.status === 404 ||
      (response.status === 403 && method === 'GET')
    ) {
      throw new NotFoundError(
        `Argo CD at ${this.baseUrl} has no application ${name} that the token may read (${response.status})`,
      );
    }
    if (!response.ok) {
      throw new ServiceUnavailableError(
        `Argo CD answered ${method} ${url} with ${response.status}: ${
          body?.message ??
          body?.error ??
          (text.slice(0, 200) || response.statusText)
        }`,
      );
    }
    return body;
  }
}
