import type {
  DeploymentEvent,
  EventCommit,
} from '@domain-delivery/backstage-plugin-delivery-common';
import type { GitHubSourceSettings } from '../config/readGitHubSourceSettings';
import {
  DeploymentCommits,
  EARLIER_DEPLOYMENTS,
  wentOut,
} from '../deployments/DeploymentCommits';
import {
  deploymentEvents,
  DeploymentOnGitHub,
  DeploymentStatusOnGitHub,
  statusReport,
} from '../deployments/deploymentEvents';
import type { FeedPosition, UnfinishedItem } from './BackfillState';
import { changedItems, latestUpdate, ListedItem } from './changedItems';
import type { FeedRead, RepositoryRun } from './RepositoryRun';

type ListedDeployment = DeploymentOnGitHub & ListedItem;

/** A deployment with its statuses, newest first, as read in this run. */
interface ReadDeployment {
  deployment: ListedDeployment;
  statuses: DeploymentStatusOnGitHub[];
  /** The ETag of its statuses, to ask again while it is unfinished. */
  etag?: string;
}

/**
 * Reads a repository's GitHub deployments and their statuses into deployment
 * events, exactly as the webhooks record them: same ids, same mapping, the
 * commits from the compare API.
 */
export class DeploymentBackfill {
  constructor(
    private readonly options: {
      settings: GitHubSourceSettings['deployments'];
      knownEnvironments: ReadonlySet<string>;
      /** Absent when the commits of deployments are not looked up. */
      commits?: DeploymentCommits;
    },
  ) {}

  async read(
    run: RepositoryRun,
    position: FeedPosition | undefined,
  ): Promise<FeedRead<DeploymentEvent>> {
    const { owner, repo } = run.repository;
    const changes = await changedItems<ListedDeployment>({
      lists: run.lists,
      route: 'GET /repos/{owner}/{repo}/deployments',
      params: { owner, repo },
      position,
      since: run.since,
    });
    const listed = changes === 'unchanged' ? [] : changes.listed;
    const toRead = changes === 'unchanged' ? [] : changes.changed;
    const readIds = new Set(toRead.map(deployment => deployment.id));
    const reads: ReadDeployment[] = [];
    for (const deployment of toRead) {
      if (this.recorded(deployment)) {
        reads.push(await this.withStatuses(run, deployment));
      }
    }
    // Unfinished deployments the list did not show again: their own statuses,
    // asked for with their ETag, say whether they moved on.
    const stillUnfinished: UnfinishedItem[] = [];
    for (const item of position?.unfinished ?? []) {
      if (readIds.has(item.id)) {
        continue;
      }
      const read = await this.unfinished(run, item);
      if (read === 'unchanged') {
        stillUnfinished.push(item);
      } else if (read && read.deployment.created_at >= run.since) {
        reads.push(read);
      }
    }

    const latestStates = new Map<number, string | undefined>(
      reads.map(read => [read.deployment.id, read.statuses[0]?.state]),
    );
    const events: DeploymentEvent[] = [];
    for (const read of reads) {
      const report = statusReport(
        run.repository,
        read.deployment,
        read.statuses.find(status => status.state !== 'inactive'),
      );
      if (!report) {
        continue;
      }
      if (!report.state.finishedAt) {
        stillUnfinished.push({ id: read.deployment.id, etag: read.etag });
      }
      const commits = report.state.finishedAt
        ? await this.commitsOf(run, read.deployment, {
            listed,
            latestStates,
            complete: changes !== 'unchanged' && changes.complete,
          })
        : undefined;
      events.push(
        ...deploymentEvents({
          report,
          environment: this.options.settings.environmentFor(
            read.deployment.environment,
          ),
          entityRefs: run.entityRefs,
          commits,
        }),
      );
    }
    return {
      events,
      read: reads.length,
      position: {
        etag: changes === 'unchanged' ? position?.etag : changes.etag,
        seenUpTo: latestUpdate(listed, position),
        unfinished: stillUnfinished,
      },
    };
  }

  /** Whether the deployment's environment is one the portal records. */
  private recorded(deployment: DeploymentOnGitHub): boolean {
    return this.options.knownEnvironments.has(
      this.options.settings.environmentFor(deployment.environment),
    );
  }

  private async withStatuses(
    run: RepositoryRun,
    deployment: ListedDeployment,
  ): Promise<ReadDeployment> {
    const read = await run.lists.read<DeploymentStatusOnGitHub[]>(
      'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      this.statusParams(run, deployment.id),
    );
    return read.unchanged
      ? { deployment, statuses: [] }
      : { deployment, statuses: read.data, etag: read.etag };
  }

  /** An unfinished deployment read again; `unchanged` when its statuses are. */
  private async unfinished(
    run: RepositoryRun,
    item: UnfinishedItem,
  ): Promise<ReadDeployment | 'unchanged' | undefined> {
    const statuses = await run.lists.read<DeploymentStatusOnGitHub[]>(
      'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      this.statusParams(run, item.id),
      item.etag,
    );
    if (statuses.unchanged) {
      return 'unchanged';
    }
    const deployment = await run.lists.read<ListedDeployment>(
      'GET /repos/{owner}/{repo}/deployments/{deployment_id}',
      {
        owner: run.repository.owner,
        repo: run.repository.repo,
        deployment_id: item.id,
      },
    );
    if (deployment.unchanged || !this.recorded(deployment.data)) {
      return undefined;
    }
    return {
      deployment: deployment.data,
      statuses: statuses.data,
      etag: statuses.etag,
    };
  }

  private statusParams(run: RepositoryRun, id: number) {
    return {
      owner: run.repository.owner,
      repo: run.repository.repo,
      deployment_id: id,
      per_page: 100,
    };
  }

  /**
   * The commits a finished deployment brought. The previous deployment that
   * went out is found among those this run read, by the webhook's rule (the
   * environment's last earlier one whose latest status is a success); when
   * the run did not read far enough to know, GitHub is asked as the webhook
   * asks it.
   */
  private async commitsOf(
    run: RepositoryRun,
    deployment: ListedDeployment,
    known: {
      listed: ListedDeployment[];
      latestStates: Map<number, string | undefined>;
      complete: boolean;
    },
  ): Promise<EventCommit[] | undefined> {
    const { commits } = this.options;
    if (!commits) {
      return undefined;
    }
    const earlier = known.listed
      .filter(
        candidate =>
          candidate.environment === deployment.environment &&
          candidate.id < deployment.id,
      )
      .sort((a, b) => b.id - a.id)
      .slice(0, EARLIER_DEPLOYMENTS);
    let base: string | undefined;
    let decided = earlier.length === EARLIER_DEPLOYMENTS || known.complete;
    for (const candidate of earlier) {
      if (!known.latestStates.has(candidate.id)) {
        decided = false;
        break;
      }
      if (wentOut(known.latestStates.get(candidate.id))) {
        base = candidate.sha;
        decided = true;
        break;
      }
    }
    const traced = { repository: run.repository, ...deployment };
    try {
      return decided
        ? await commits.since(run.github, traced, base)
        : await commits.of(traced, run.github);
    } catch (error) {
      // Recorded without its commits, as a webhook records it then.
      run.logger.warn(
        `Could not read the commits of GitHub deployment ${deployment.id} of ${run.repository.slug} for lead time: ${error}`,
      );
      return undefined;
    }
  }
}
