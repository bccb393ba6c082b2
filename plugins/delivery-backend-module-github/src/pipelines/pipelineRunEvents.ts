import type { DeliveryEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import type { WorkflowRun } from '@octokit/webhooks-types';

/**
 * The pipeline-run event of a GitHub workflow run (as the `workflow_run`
 * webhook delivers it or the REST API lists it) for one entity, or undefined
 * when the run is not recorded.
 *
 * The event API has no pipeline runs yet, so for now no run is recorded; the
 * backfill already lists the runs and hands each one here, so recording them
 * takes only this function.
 */
export function pipelineRunEvents(
  _run: WorkflowRun,
  _entityRef: string,
): DeliveryEvent | undefined {
  return undefined;
}
