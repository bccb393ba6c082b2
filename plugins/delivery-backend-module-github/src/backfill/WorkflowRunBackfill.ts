import type { DeliveryEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import type { WorkflowRun } from '@octokit/webhooks-types';
import type { GitHubWorkflowRun } from '../pipelines/pipelineRunEvents';
import type { FeedPosition, UnfinishedItem } from './BackfillState';
import { changedItems, latestUpdate } from './changedItems';
import type { FeedRead, RepositoryRun } from './RepositoryRun';

/**
 * What becomes of one workflow run for the entities of its repository: the
 * `workflow_run` webhook's mapping, so both give the same records.
 */
export type RunEvents = (
  run: GitHubWorkflowRun,
  entityRefs: string[],
) => DeliveryEvent[];

/**
 * Reads a repository's workflow runs and hands each new or changed one, for
 * each entity of the repository, to the same mapping the `workflow_run`
 * webhook uses.
 */
export class WorkflowRunBackfill {
  constructor(private readonly runEvents: RunEvents) {}

  async read(
    run: RepositoryRun,
    position: FeedPosition | undefined,
  ): Promise<FeedRead<DeliveryEvent>> {
    const { owner, repo } = run.repository;
    const changes = await changedItems<WorkflowRun>({
      lists: run.lists,
      route: 'GET /repos/{owner}/{repo}/actions/runs',
      params: { owner, repo, exclude_pull_requests: true },
      items: body => body.workflow_runs,
      position,
      since: run.since,
    });
    const runs = changes === 'unchanged' ? [] : [...changes.changed];
    const readIds = new Set(runs.map(workflowRun => workflowRun.id));
    const stillUnfinished: UnfinishedItem[] = [];
    const etags = new Map<number, string | undefined>();
    // Runs that were going on and that the list did not show again.
    for (const item of position?.unfinished ?? []) {
      if (readIds.has(item.id)) {
        continue;
      }
      const read = await run.lists.read<WorkflowRun>(
        'GET /repos/{owner}/{repo}/actions/runs/{run_id}',
        { owner, repo, run_id: item.id, exclude_pull_requests: true },
        item.etag,
      );
      if (read.unchanged) {
        stillUnfinished.push(item);
      } else if (read.data.created_at >= run.since) {
        runs.push(read.data);
        etags.set(item.id, read.etag);
      }
    }
    const events: DeliveryEvent[] = [];
    for (const workflowRun of runs) {
      if (workflowRun.status !== 'completed') {
        stillUnfinished.push({
          id: workflowRun.id,
          etag: etags.get(workflowRun.id),
        });
      }
      events.push(...this.runEvents(workflowRun, run.entityRefs));
    }
    return {
      events,
      read: runs.length,
      position: {
        etag: changes === 'unchanged' ? position?.etag : changes.etag,
        seenUpTo: latestUpdate(
          changes === 'unchanged' ? [] : changes.listed,
          position,
        ),
        unfinished: stillUnfinished,
      },
    };
  }
}
