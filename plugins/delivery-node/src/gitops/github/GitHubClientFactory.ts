import { InputError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import { requestTimeout } from './requestTimeout';

type OctokitPlugin = Parameters<typeof Octokit.plugin>[0];

/**
 * A REST client for GitHub with retry and throttling. The plugins' types name
 * the hoisted `@octokit/core`, a major above the one `@octokit/rest` 19 runs
 * on; at run time they support both (peer `@octokit/core` >=3 and ^4).
 */
const GitHubOctokit = Octokit.plugin(
  // First, so that each attempt of the retry plugin gets its own timeout.
  requestTimeout as unknown as OctokitPlugin,
  retry as unknown as OctokitPlugin,
  throttling as unknown as OctokitPlugin,
);

/**
 * Options of the {@link GitHubClientFactory}.
 *
 * @public
 */
export interface GitHubClientFactoryOptions {
  integrations: ScmIntegrationRegistry;
  /** Default: the integrations' own, for a token or a GitHub App. */
  credentialsProvider?: GithubCredentialsProvider;
  /** How long one request may take; default 30 s. */
  requestTimeoutMs?: number;
  /**
   * The least time between two writing requests, as GitHub asks of
   * integrations to stay clear of its secondary rate limit; default 1 s.
   * Writes that notify people (pull requests, merges) wait three times as
   * long.
   */
  writeIntervalMs?: number;
  /** How often a rate-limited request is tried again; default 2. */
  rateLimitRetries?: number;
}

/**
 * The repository a client is made for.
 *
 * @public
 */
export interface GitHubRepositoryRef {
  host: string;
  owner: string;
  repo: string;
}

/**
 * Makes GitHub REST clients from the `integrations.github` credentials (a
 * token or a GitHub App), with a request timeout, retries of failed requests
 * and GitHub's rate limits respected.
 *
 * @public
 */
export class GitHubClientFactory {
  private readonly credentials: GithubCredentialsProvider;
  private readonly writes: Bottleneck.Group;
  private readonly notifications: Bottleneck.Group;

  constructor(private readonly options: GitHubClientFactoryOptions) {
    this.credentials =
      options.credentialsProvider ??
      DefaultGithubCredentialsProvider.fromIntegrations(options.integrations);
    const writeIntervalMs = options.writeIntervalMs ?? 1000;
    this.writes = new Bottleneck.Group({
      maxConcurrent: 1,
      minTime: writeIntervalMs,
    });
    this.notifications = new Bottleneck.Group({
      maxConcurrent: 1,
      minTime: writeIntervalMs * 3,
    });
  }

  /**
   * A client for the repository: with `token` when given (a user's),
   * otherwise with the integration's credentials for the repository. An
   * `InputError` when the host has no integration or no credentials.
   */
  async forRepository(
    repository: GitHubRepositoryRef,
    options: { token?: string; signal?: AbortSignal } = {},
  ): Promise<Octokit> {
    const { host, owner, repo } = repository;
    const integration = this.options.integrations.github.byHost(host);
    if (!integration) {
      throw new InputError(
        `No integrations.github entry for ${host}; it gives the credentials for ${owner}/${repo}`,
      );
    }
    const token =
      options.token ??
      (
        await this.credentials.getCredentials({
          url: `https://${host}/${encodeURIComponent(
            owner,
          )}/${encodeURIComponent(repo)}`,
        })
      ).token;
    if (!token) {
      throw new InputError(
        `integrations.github gives no token or app for ${host}/${owner}/${repo}`,
      );
    }
    const retries = this.options.rateLimitRetries ?? 2;
    return new GitHubOctokit({
      auth: token,
      requestTimeout: {
        timeoutMs: this.options.requestTimeoutMs ?? 30_000,
        signal: options.signal,
      },
      baseUrl: integration.config.apiBaseUrl,
      throttle: {
        write: this.writes,
        notifications: this.notifications,
        onRateLimit: (
          _after: number,
          _options: unknown,
          _o: unknown,
          count: number,
        ) => count < retries,
        onSecondaryRateLimit: (
          _after: number,
          _options: unknown,
          _o: unknown,
          count: number,
        ) => count < retries,
      },
    });
  }
}
