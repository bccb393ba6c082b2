import type {
  PipelineRunConclusion,
  PipelineRunEvent,
  PipelineRunStatus,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { recordsOf } from '../eventIds';

/**
 * A GitHub Actions workflow run, as both the `workflow_run` webhook and the
 * REST API (`GET /repos/{owner}/{repo}/actions/runs`) describe it: the
 * fields a pipeline run event is made of.
 *
 * @public
 */
export interface GitHubWorkflowRun {
  /** The run's id, the same for all its attempts. */
  id: number;
  /** The workflow's name. */
  name?: string | null;
  /** The workflow file, e.g. `.github/workflows/ci.yaml`. */
  path?: string;
  /** The workflow's id, named when the run has neither name nor file. */
  workflow_id: number;
  /** The attempt, 1 unless re-run. */
  run_attempt?: number;
  /** `requested`, `queued`, `waiting`, `pending`, `in_progress` or `completed`. */
  status: string | null;
  /** How a completed run ended, e.g. `success` or `failure`. */
  conclusion: string | null;
  /** The branch the run ran on. */
  head_branch: string | null;
  /** The commit the run ran on. */
  head_sha: string;
  /** When this attempt started. */
  run_started_at?: string | null;
  /** When the run was created. */
  created_at: string;
  /** When the run last changed: when it finished, once completed. */
  updated_at: string;
  /** The run's page. */
  html_url: string;
}

const CONCLUSIONS: ReadonlySet<string> = new Set<PipelineRunConclusion>([
  'success',
  'failure',
  'cancelled',
  'skipped',
  'timed_out',
  'action_required',
  'neutral',
  'stale',
  'startup_failure',
]);

/** GitHub's run status in the event API's words: requested, waiting and pending are queued. */
function statusOf(run: GitHubWorkflowRun): PipelineRunStatus {
  if (run.status === 'completed') {
    return 'completed';
  }
  return run.status === 'in_progress' ? 'in_progress' : 'queued';
}

function workflowName(run: GitHubWorkflowRun): string {
  return run.name?.trim() || run.path || `workflow ${run.workflow_id}`;
}

/**
 * The pipeline run events of one attempt of a GitHub workflow run, one per
 * catalog entity of its repository, with ids such as
 * `github-workflow-run-30433642-attempt-1` (the entity's ref appended when
 * several entities share the repository). Every field is the run's own
 * state, so the webhook and a later read of the REST API give the same
 * record: GitHub's `updated_at` of a completed run is when it finished.
 * `defaultBranch` is the repository's (the webhook's `repository`, or the
 * repository read from the REST API), which tells the runs that decide
 * whether a workflow fails now.
 *
 * @public
 */
export function pipelineRunEvents(
  run: GitHubWorkflowRun,
  entityRefs: string[],
  options: { defaultBranch?: string } = {},
): PipelineRunEvent[] {
  const status = statusOf(run);
  const attempt = run.run_attempt ?? 1;
  const startedAt = run.run_started_at ?? run.created_at;
  const completed =
    status === 'completed'
      ? {
          // A completed run GitHub gives no conclusion counts for nothing.
          conclusion: (CONCLUSIONS.has(run.conclusion ?? '')
            ? run.conclusion
            : 'neutral') as PipelineRunConclusion,
          // GitHub's times are whole seconds: a run may seem to finish
          // before it started.
          finishedAt:
            Date.parse(run.updated_at) < Date.parse(startedAt)
              ? startedAt
              : run.updated_at,
        }
      : {};
  const { defaultBranch } = options;
  const url = new URL(run.html_url);
  return recordsOf(
    'workflow-run',
    { host: url.host },
    run.id,
    entityRefs,
    attempt,
  ).map(({ id, entityRef }) => ({
    type: 'pipeline_run',
    id,
    entityRef,
    workflow: workflowName(run),
    runAttempt: attempt,
    status,
    ...completed,
    ...(run.head_branch && { branch: run.head_branch }),
    ...(defaultBranch && { defaultBranch }),
    commitSha: run.head_sha,
    startedAt,
    url: attempt > 1 ? `${run.html_url}/attempts/${attempt}` : run.html_url,
  }));
}

/**
 * The pipeline run event of one attempt of a GitHub workflow run for one
 * entity, whose repository no other entity shares.
 *
 * @public
 */
export function pipelineRunEvent(
  run: GitHubWorkflowRun,
  entityRef: string,
  options: { defaultBranch?: string } = {},
): PipelineRunEvent {
  return pipelineRunEvents(run, [entityRef], options)[0];
}
