/**
 * GitHub webhooks into Domain Delivery through Backstage's events system:
 * deployments with the commits they brought, incidents from labelled
 * issues, and pipeline runs from workflow runs.
 *
 * @packageDocumentation
 */
export { deliveryModuleGitHub as default } from './module';
export { gitHubEventId, type GitHubRecordedObject } from './eventIds';
export {
  pipelineRunEvent,
  pipelineRunEvents,
  type GitHubWorkflowRun,
} from './pipelines/pipelineRunEvents';
