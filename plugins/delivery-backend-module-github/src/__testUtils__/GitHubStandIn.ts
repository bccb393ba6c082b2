import { createHash } from 'node:crypto';
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A stand-in for the part of GitHub's REST API the backfill reads, served on
 * 127.0.0.1: deployments and their statuses, workflow runs, commits and the
 * compare API, with GitHub's paging (`per_page`, `page`, a `Link` header),
 * ETags with 304 answers to `If-None-Match`, and its rate limit's refusal. It
 * counts every request, and those that count against the rate limit (every
 * answer but a 304).
 */

/** GitHub writes instants to the second. */
export function instant(millis: number): string {
  return new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface StandInCommit {
  sha: string;
  author: { login: string } | null;
  commit: {
    message: string;
    author: { name: string; email: string; date: string };
    committer: { name: string; email: string; date: string };
  };
}

export interface StandInStatus {
  id: number;
  state: string;
  created_at: string;
  updated_at: string;
  environment: string;
  log_url: string;
  target_url: string;
}

export interface StandInDeployment {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  payload: Record<string, unknown>;
  creator: { login: string };
  created_at: string;
  updated_at: string;
  /** Newest first, as GitHub lists them. */
  statuses: StandInStatus[];
}

export interface StandInRun {
  id: number;
  name: string;
  head_branch: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  html_url: string;
  run_attempt: number;
  run_started_at: string;
  created_at: string;
  updated_at: string;
}

// GitHub's ids are unique across all repositories, and grow with time.
let lastId = 1000;
const nextId = () => ++lastId;

/** One repository's history on the stand-in. */
export class StandInRepository {
  /** Oldest first. */
  readonly commits: StandInCommit[] = [];
  /** Newest first, as GitHub lists them. */
  readonly deployments: StandInDeployment[] = [];
  /** Newest first, as GitHub lists them. */
  readonly runs: StandInRun[] = [];

  constructor(readonly owner: string, readonly repo: string) {}

  get slug(): string {
    return `${this.owner}/${this.repo}`;
  }

  /** A commit made at that time, by that login. */
  commit(at: number, message: string, login = 'octocat'): StandInCommit {
    const sha = createHash('sha1')
      .update(`${this.slug}:${this.commits.length}:${message}`)
      .digest('hex');
    const person = {
      name: `${login} (name)`,
      email: `${login}@example.com`,
      date: instant(at),
    };
    const commit = {
      sha,
      author: { login },
      commit: { message, author: person, committer: person },
    };
    this.commits.push(commit);
    return commit;
  }

  /** A deployment of the commit, created at `at`, with the statuses given (oldest first). */
  deploy(
    sha: string,
    environment: string,
    at: number,
    states: Array<[state: string, at: number]> = [],
  ): StandInDeployment {
    const deployment: StandInDeployment = {
      id: nextId(),
      sha,
      ref: 'main',
      environment,
      payload: {},
      creator: { login: 'octocat' },
      created_at: instant(at),
      updated_at: instant(at),
      statuses: [],
    };
    this.deployments.unshift(deployment);
    for (const [state, statusAt] of states) {
      this.setStatus(deployment, state, statusAt);
    }
    return deployment;
  }

  /** A new status of a deployment: it becomes its latest, and updates it. */
  setStatus(deployment: StandInDeployment, state: string, at: number): void {
    const id = nextId();
    deployment.statuses.unshift({
      id,
      state,
      created_at: instant(at),
      updated_at: instant(at),
      environment: deployment.environment,
      log_url: `https://github.com/${this.slug}/actions/runs/${id}`,
      target_url: `https://github.com/${this.slug}/actions/runs/${id}`,
    });
    deployment.updated_at = instant(at);
  }

  /** A workflow run created at `at`, completed five minutes later unless told otherwise. */
  run(at: number, options: { completed?: boolean } = {}): StandInRun {
    const id = nextId();
    const completed = options.completed ?? true;
    const run: StandInRun = {
      id,
      name: 'CI',
      head_branch: 'main',
      head_sha: this.commits[this.commits.length - 1]?.sha ?? '0'.repeat(40),
      status: completed ? 'completed' : 'in_progress',
      conclusion: completed ? 'success' : null,
      html_url: `https://github.com/${this.slug}/actions/runs/${id}`,
      run_attempt: 1,
      run_started_at: instant(at),
      created_at: instant(at),
      updated_at: instant(completed ? at + 5 * 60_000 : at),
    };
    this.runs.unshift(run);
    return run;
  }
}

/** What the stand-in was asked. */
export interface StandInCounts {
  /** Every request. */
  requests: number;
  /** Those answered 304 Not Modified, free of the rate limit. */
  notModified: number;
  /** Those answered with the rate limit's refusal. */
  refused: number;
  /** Requests by route, e.g. `GET deployments`. */
  byRoute: Record<string, number>;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const PER_PAGE_DEFAULT = 30;

/** GitHub's REST API for some repositories, on 127.0.0.1. */
export class GitHubStandIn {
  private readonly repositories = new Map<string, StandInRepository>();
  private server?: Server;
  counts: StandInCounts = this.zero();
  /** How many coming requests to refuse with the rate limit's 403. */
  private refusals = 0;

  repository(owner: string, repo: string): StandInRepository {
    const key = `${owner}/${repo}`.toLocaleLowerCase('en-US');
    let repository = this.repositories.get(key);
    if (!repository) {
      repository = new StandInRepository(owner, repo);
      this.repositories.set(key, repository);
    }
    return repository;
  }

  /** Refuses the next `count` requests as GitHub does once the rate limit is spent. */
  exhaustRateLimit(count: number): void {
    this.refusals = count;
  }

  /** Starts counting afresh. */
  resetCounts(): StandInCounts {
    const counts = this.counts;
    this.counts = this.zero();
    return counts;
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) =>
      this.handle(request, response),
    );
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>(resolve => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  private zero(): StandInCounts {
    return { requests: 0, notModified: 0, refused: 0, byRoute: {} };
  }

  private handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const [route, answer] = this.answer(request.method ?? 'GET', url);
    this.counts.requests++;
    this.counts.byRoute[route] = (this.counts.byRoute[route] ?? 0) + 1;
    let { status } = answer;
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      ...answer.headers,
    };
    let body = answer.body === undefined ? '' : JSON.stringify(answer.body);
    if (this.refusals > 0) {
      this.refusals--;
      this.counts.refused++;
      status = 403;
      body = JSON.stringify({ message: 'API rate limit exceeded' });
      headers['x-ratelimit-remaining'] = '0';
      // Already past: the client's throttling and the backfill wait no time.
      headers['x-ratelimit-reset'] = String(Math.floor(Date.now() / 1000));
    } else if (status === 200) {
      const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
      headers.etag = etag;
      if (request.headers['if-none-match'] === etag) {
        status = 304;
        body = '';
        this.counts.notModified++;
      }
    }
    response.writeHead(status, headers);
    response.end(body);
  }

  private answer(method: string, url: URL): [string, Answer] {
    const match =
      /^\/repos\/([^/]+)\/([^/]+)\/(deployments|actions\/runs|compare|commits)(?:\/([^/]+))?(?:\/(statuses))?$/.exec(
        url.pathname,
      );
    if (method !== 'GET' || !match) {
      return [
        `${method} other`,
        { status: 404, body: { message: 'Not Found' } },
      ];
    }
    const [, owner, repo, kind, id, statuses] = match;
    const route = `GET ${kind}${id ? '/:id' : ''}${
      statuses ? '/statuses' : ''
    }`;
    const repository = this.repositories.get(
      `${decodeURIComponent(owner)}/${decodeURIComponent(
        repo,
      )}`.toLocaleLowerCase('en-US'),
    );
    if (!repository) {
      return [route, { status: 404, body: { message: 'Not Found' } }];
    }
    return [route, this.read(repository, kind, id, statuses, url)];
  }

  private read(
    repository: StandInRepository,
    kind: string,
    id: string | undefined,
    statuses: string | undefined,
    url: URL,
  ): Answer {
    const notFound = { status: 404, body: { message: 'Not Found' } };
    switch (kind) {
      case 'deployments': {
        if (!id) {
          const environment = url.searchParams.get('environment');
          return paged(
            url,
            repository.deployments
              .filter(d => !environment || d.environment === environment)
              .map(withoutStatuses),
          );
        }
        const deployment = repository.deployments.find(
          d => d.id === Number(id),
        );
        if (!deployment) {
          return notFound;
        }
        return statuses
          ? paged(url, deployment.statuses)
          : { status: 200, body: withoutStatuses(deployment) };
      }
      case 'actions/runs': {
        if (!id) {
          const page = paged(url, repository.runs);
          return {
            ...page,
            body: {
              total_count: repository.runs.length,
              workflow_runs: page.body,
            },
          };
        }
        const run = repository.runs.find(r => r.id === Number(id));
        return run ? { status: 200, body: run } : notFound;
      }
      case 'commits': {
        const commit = repository.commits.find(c => c.sha === id);
        return commit ? { status: 200, body: commit } : notFound;
      }
      case 'compare': {
        const [base, head] = decodeURIComponent(id ?? '').split('...');
        const from = repository.commits.findIndex(c => c.sha === base);
        const to = repository.commits.findIndex(c => c.sha === head);
        if (from === -1 || to === -1) {
          return notFound;
        }
        const between = repository.commits.slice(from + 1, to + 1);
        const page = paged(url, between, 250);
        return {
          status: 200,
          headers: page.headers,
          body: {
            status: between.length ? 'ahead' : 'behind',
            ahead_by: between.length,
            behind_by: 0,
            total_commits: between.length,
            commits: page.body,
          },
        };
      }
      default:
        return notFound;
    }
  }
}

function withoutStatuses(deployment: StandInDeployment) {
  const { statuses: _statuses, ...rest } = deployment;
  return rest;
}

/** One page of a list, with GitHub's `Link` header to the next. */
function paged<T>(url: URL, items: T[], perPageDefault = PER_PAGE_DEFAULT) {
  const perPage = Math.min(
    Number(url.searchParams.get('per_page') ?? perPageDefault),
    100,
  );
  const page = Math.max(Number(url.searchParams.get('page') ?? 1), 1);
  const body = items.slice((page - 1) * perPage, page * perPage);
  const headers: Record<string, string> = {};
  if (page * perPage < items.length) {
    const next = new URL(url.href);
    next.searchParams.set('page', String(page + 1));
    headers.link = `<${next.href}>; rel="next"`;
  }
  return { status: 200, body, headers };
}
