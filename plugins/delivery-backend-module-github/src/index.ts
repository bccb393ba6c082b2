/**
 * GitHub webhooks into Domain Delivery through Backstage's events system:
 * deployments with the commits they brought, and incidents from labelled
 * issues.
 *
 * @packageDocumentation
 */
export { deliveryModuleGitHub as default } from './module';
export { gitHubEventId, type GitHubRecordedObject } from './eventIds';
