import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { DeliveryEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import type {
  DeliveryEventConnection,
  DeliveryEventSource,
  GitHubClientFactory,
} from '@domain-delivery/backstage-plugin-delivery-node';
import type { RepositoryEntities } from '../catalog/RepositoryEntities';
import type { GitHubSourceSettings } from '../config/readGitHubSourceSettings';
import type { DeploymentCommits } from '../deployments/DeploymentCommits';
import type { WebhookRepository } from '../githubRepository';
import { BackfillFeed, BackfillState, FeedPosition } from './BackfillState';
import { DeploymentBackfill } from './DeploymentBackfill';
import { GitHubLists } from './GitHubLists';
import { RateLimitedRequests, Sleep } from './rateLimit';
import type { FeedRead, RepositoryRun } from './RepositoryRun';
import { RunEvents, WorkflowRunBackfill } from './WorkflowRunBackfill';

/** The scheduled task's id: one run at a time across the backend's replicas. */
export const BACKFILL_TASK_ID = 'delivery-github-backfill';

// The event API's largest batch.
const EVENTS_PER_BATCH = 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What one backfill run did, for its log line (and the bench). */
export interface BackfillSummary {
  repositories: number;
  /** Repositories that could not be read this time; the next run tries again. */
  failed: number;
  deployments: number;
  workflowRuns: number;
  events: number;
}

/** What the backfill needs. */
export interface GitHubBackfillOptions {
  settings: GitHubSourceSettings;
  scheduler: SchedulerService;
  logger: LoggerService;
  entities: RepositoryEntities;
  clients: GitHubClientFactory;
  state: BackfillState;
  /** Absent when the commits of deployments are not looked up. */
  commits?: DeploymentCommits;
  /** The pipeline-run mapping of the `workflow_run` webhook. */
  runEvents: RunEvents;
  /** For tests: how the run waits for a rate limit to reset. */
  sleep?: Sleep;
  now?: () => number;
}

/** GitHub writes instants to the second: compare like with like. */
function githubInstant(millis: number): string {
  return new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Fills the history from GitHub and keeps it caught up: per repository that a
 * catalog entity's `github.com/project-slug` names, its deployments with their
 * statuses (and the commits they brought) and its workflow runs, as a
 * scheduled task of global scope. The first run reads the window
 * (`delivery.github.backfill.days`); later runs read only what changed, each
 * list asked for with the ETag of its last answer, so that a repository where
 * nothing happened costs one conditional request per list, answered 304 and
 * not counted against the rate limit.
 */
export class GitHubBackfill implements DeliveryEventSource {
  private connection?: DeliveryEventConnection;

  constructor(private readonly options: GitHubBackfillOptions) {}

  getSourceName(): string {
    return 'github-backfill';
  }

  async connect(connection: DeliveryEventConnection): Promise<void> {
    this.connection = connection;
    await this.options.scheduler.scheduleTask({
      id: BACKFILL_TASK_ID,
      scope: 'global',
      ...this.options.settings.backfill.schedule,
      fn: async signal => {
        await this.run(signal);
      },
    });
  }

  /** One run over every annotated repository; it never fails. */
  async run(signal?: AbortSignal): Promise<BackfillSummary> {
    const summary: BackfillSummary = {
      repositories: 0,
      failed: 0,
      deployments: 0,
      workflowRuns: 0,
      events: 0,
    };
    const connection = this.connection;
    if (!connection) {
      return summary;
    }
    let repositories: Map<string, string[]>;
    try {
      repositories = await this.options.entities.repositories();
    } catch (error) {
      this.options.logger.warn(
        `The GitHub backfill could not read the catalog; it tries again on its next run: ${error}`,
      );
      return summary;
    }
    for (const [slug, entityRefs] of repositories) {
      if (signal?.aborted) {
        break;
      }
      summary.repositories++;
      try {
        await this.repository(connection, slug, entityRefs, summary, signal);
      } catch (error) {
        if (signal?.aborted) {
          break;
        }
        summary.failed++;
        this.options.logger.warn(
          `The GitHub backfill could not read ${slug}; it tries again on its next run: ${error}`,
        );
      }
    }
    this.options.logger.info(
      `GitHub backfill: ${summary.repositories} repositories, ${
        summary.deployments
      } deployments and ${summary.workflowRuns} workflow runs read, ${
        summary.events
      } events recorded${
        summary.failed ? `, ${summary.failed} repositories not read` : ''
      }`,
    );
    return summary;
  }

  private async repository(
    connection: DeliveryEventConnection,
    slug: string,
    entityRefs: string[],
    summary: BackfillSummary,
    signal?: AbortSignal,
  ): Promise<void> {
    const { settings, clients, logger, state } = this.options;
    const [owner, repo] = slug.split('/');
    const host = settings.backfill.host;
    const repository: WebhookRepository = {
      host,
      owner,
      repo,
      slug,
      url: `https://${host}/${owner}/${repo}`,
    };
    const github = await clients.forRepository(repository, { signal });
    const now = this.options.now?.() ?? Date.now();
    const run: RepositoryRun = {
      repository,
      entityRefs,
      github,
      lists: new GitHubLists(
        github,
        new RateLimitedRequests({ logger, signal, sleep: this.options.sleep }),
      ),
      since: githubInstant(now - settings.backfill.days * DAY_MS),
      logger,
    };
    const key = `${host}/${owner}/${repo}`;
    const feeds: Array<{
      feed: BackfillFeed;
      read: (
        run: RepositoryRun,
        position: FeedPosition | undefined,
      ) => Promise<FeedRead<DeliveryEvent>>;
      count: 'deployments' | 'workflowRuns';
    }> = [];
    if (settings.deployments.enabled) {
      const deployments = new DeploymentBackfill({
        settings: settings.deployments,
        knownEnvironments: new Set(connection.environments.map(e => e.name)),
        commits: this.options.commits,
      });
      feeds.push({
        feed: 'deployments',
        read: (r, p) => deployments.read(r, p),
        count: 'deployments',
      });
    }
    if (settings.pipelines.enabled) {
      const runs = new WorkflowRunBackfill(this.options.runEvents);
      feeds.push({
        feed: 'workflow_runs',
        read: (r, p) => runs.read(r, p),
        count: 'workflowRuns',
      });
    }
    for (const { feed, read, count } of feeds) {
      const position = await state.get(key, feed);
      const result = await read(run, position);
      await this.ingest(connection, slug, result.events);
      // Only once its events are stored: a run that stops before reads it again.
      await state.set(key, feed, result.position);
      summary[count] += result.read;
      summary.events += result.events.length;
    }
  }

  private async ingest(
    connection: DeliveryEventConnection,
    slug: string,
    events: DeliveryEvent[],
  ): Promise<void> {
    for (let start = 0; start < events.length; start += EVENTS_PER_BATCH) {
      const result = await connection.ingest(
        events.slice(start, start + EVENTS_PER_BATCH),
      );
      for (const rejected of result.rejected) {
        this.options.logger.warn(
          `The delivery plugin refused event ${rejected.id} of ${slug} from the GitHub backfill: ${rejected.field} ${rejected.reason}`,
        );
      }
    }
  }
}
