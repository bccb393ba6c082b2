import type { EventCommit } from '@domain-delivery/backstage-plugin-delivery-common';
import type { GitHubClientFactory } from '@domain-delivery/backstage-plugin-delivery-node';
import type { WebhookRepository } from '../githubRepository';
import { shortText, subjectLine } from './commitText';

/** A REST client of the repository's host. */
export type GitHubClient = Awaited<
  ReturnType<GitHubClientFactory['forRepository']>
>;

// The event API takes at most this many commits per deployment.
const MAX_COMMITS = 1000;
const COMMITS_PER_PAGE = 100;
// How many earlier deployments of the environment are looked at for the last
// one that went out, each costing a request for its statuses.
export const EARLIER_DEPLOYMENTS = 10;

// A deployment that went out: `inactive` is a success that a later one replaced.
const WENT_OUT = new Set(['success', 'inactive']);

/** Whether a deployment whose latest status is this one went out. */
export function wentOut(latestState: string | undefined): boolean {
  return latestState !== undefined && WENT_OUT.has(latestState);
}

/** A deployment to look up the commits of. */
export interface DeploymentToTrace {
  repository: WebhookRepository;
  /** GitHub's id of the deployment. */
  id: number;
  /** The GitHub environment, as the deployment names it. */
  environment: string;
  sha: string;
}

/** A commit as GitHub's compare and commit APIs give it. */
export interface CommitOnGitHub {
  sha: string;
  /** The GitHub user who wrote it, when GitHub knows the email. */
  author?: { login?: string } | null;
  commit: {
    message?: string;
    committer?: { date?: string } | null;
    author?: { name?: string; date?: string } | null;
  };
}

/**
 * The commit as an event reports it: when it was made, the first line of its
 * message and its author (the GitHub login, else the name git recorded).
 */
export function eventCommit(commit: CommitOnGitHub): EventCommit | undefined {
  const committedAt =
    commit.commit.committer?.date ?? commit.commit.author?.date;
  if (!committedAt) {
    return undefined;
  }
  const message = commit.commit.message && subjectLine(commit.commit.message);
  const author = shortText(
    commit.author?.login ?? commit.commit.author?.name ?? '',
  );
  return {
    sha: commit.sha,
    committedAt,
    ...(message && { message }),
    ...(author && { author }),
  };
}

/**
 * The commits a GitHub deployment brought, for lead time: those between the
 * environment's previous deployment that went out and this one, from GitHub's
 * compare API; only the deployed commit when the environment had none before.
 */
export class DeploymentCommits {
  constructor(private readonly clients: GitHubClientFactory) {}

  /**
   * The commits the deployment brought, looking up the environment's previous
   * deployment that went out on GitHub.
   */
  async of(
    deployment: DeploymentToTrace,
    client?: GitHubClient,
  ): Promise<EventCommit[]> {
    const github =
      client ?? (await this.clients.forRepository(deployment.repository));
    const base = await this.previousSha(github, deployment);
    return this.since(github, deployment, base);
  }

  /**
   * The commits after `base` up to the deployed one, oldest first; the
   * deployed commit alone without a base. For a caller that already knows
   * the previous deployment (the backfill, which lists them all).
   */
  async since(
    github: GitHubClient,
    deployment: Pick<DeploymentToTrace, 'repository' | 'sha'>,
    base: string | undefined,
  ): Promise<EventCommit[]> {
    if (!base) {
      const { data } = await github.repos.getCommit({
        owner: deployment.repository.owner,
        repo: deployment.repository.repo,
        ref: deployment.sha,
      });
      const head = eventCommit(data);
      return head ? [head] : [];
    }
    return this.between(github, deployment, base);
  }

  /** The commit of the environment's last deployment before this one that went out. */
  private async previousSha(
    github: GitHubClient,
    deployment: DeploymentToTrace,
  ): Promise<string | undefined> {
    const { owner, repo } = deployment.repository;
    const { data: deployments } = await github.repos.listDeployments({
      owner,
      repo,
      environment: deployment.environment,
      per_page: 100,
    });
    // GitHub's ids grow with time: the earlier deployments have smaller ones.
    const earlier = deployments
      .filter(candidate => candidate.id < deployment.id)
      .sort((a, b) => b.id - a.id)
      .slice(0, EARLIER_DEPLOYMENTS);
    for (const candidate of earlier) {
      const { data: statuses } = await github.repos.listDeploymentStatuses({
        owner,
        repo,
        deployment_id: candidate.id,
        per_page: 1,
      });
      if (wentOut(statuses[0]?.state)) {
        return candidate.sha;
      }
    }
    return undefined;
  }

  /** The commits after `base` up to the deployed one, oldest first. */
  private async between(
    github: GitHubClient,
    deployment: Pick<DeploymentToTrace, 'repository' | 'sha'>,
    base: string,
  ): Promise<EventCommit[]> {
    const { owner, repo } = deployment.repository;
    const commits: EventCommit[] = [];
    for (let page = 1; commits.length < MAX_COMMITS; page++) {
      const { data } = await github.repos.compareCommitsWithBasehead({
        owner,
        repo,
        basehead: `${base}...${deployment.sha}`,
        per_page: COMMITS_PER_PAGE,
        page,
      });
      for (const commit of data.commits) {
        const reported = eventCommit(commit);
        if (reported) {
          commits.push(reported);
        }
      }
      // A rollback lies behind its base: it brought no new commit.
      if (
        data.commits.length < COMMITS_PER_PAGE ||
        page * COMMITS_PER_PAGE >= data.total_commits
      ) {
        break;
      }
    }
    return commits.slice(0, MAX_COMMITS);
  }
}
