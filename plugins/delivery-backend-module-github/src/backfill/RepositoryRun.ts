import type { LoggerService } from '@backstage/backend-plugin-api';
import type { GitHubClient } from '../deployments/DeploymentCommits';
import type { WebhookRepository } from '../githubRepository';
import type { FeedPosition } from './BackfillState';
import type { GitHubLists } from './GitHubLists';

/** One repository in one backfill run: what each list's reader needs. */
export interface RepositoryRun {
  repository: WebhookRepository;
  /** Its catalog entities, sorted. */
  entityRefs: string[];
  github: GitHubClient;
  lists: GitHubLists;
  /** The start of the window, e.g. 90 days ago, as GitHub writes instants. */
  since: string;
  logger: LoggerService;
}

/** What reading one list of a repository gives: events, and where to start next time. */
export interface FeedRead<E> {
  events: E[];
  position: FeedPosition;
  /** How many of the list's items were read as new or changed. */
  read: number;
}
