import {
  GitHubStandIn,
  StandInRepository,
} from '../../plugins/delivery-backend-module-github/src/__testUtils__/GitHubStandIn';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** What each repository of the stand-in holds. */
export interface HistoryShape {
  repositories: number;
  /** Workflow runs per repository, spread over the window. */
  runs: number;
  /** Production deployments per repository, each with a commit of its own. */
  deployments: number;
  days: number;
}

/**
 * Fills the stand-in: per repository, `runs` workflow runs and `deployments`
 * succeeded production deployments, evenly over the last `days` (all inside
 * the window), the newest an hour ago.
 */
export function fillHistory(
  github: GitHubStandIn,
  shape: HistoryShape,
  now: number,
): StandInRepository[] {
  const span = shape.days * DAY - 2 * HOUR;
  const repositories: StandInRepository[] = [];
  for (let index = 0; index < shape.repositories; index++) {
    const repository = github.repository('acme', `service-${index}`);
    for (let d = shape.deployments - 1; d >= 0; d--) {
      const at = now - HOUR - (d * span) / shape.deployments;
      const commit = repository.commit(
        at - HOUR,
        `Change ${d} of service ${index}`,
      );
      repository.deploy(commit.sha, 'production', at, [
        ['in_progress', at],
        ['success', at + 10 * 60_000],
      ]);
    }
    for (let r = shape.runs - 1; r >= 0; r--) {
      repository.run(now - HOUR - (r * span) / shape.runs);
    }
    repositories.push(repository);
  }
  return repositories;
}
