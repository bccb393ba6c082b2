import { Schemas } from './wire';

/**
 * The state of a deployment.
 *
 * @public
 */
export type DeploymentStatus = Schemas['DeploymentStatus'];

/**
 * What caused a deployment.
 *
 * @public
 */
export type DeploymentTrigger = Schemas['DeploymentTrigger'];

/**
 * A commit that a deployment brought.
 *
 * @public
 */
export type DeploymentCommit = Schemas['DeploymentCommit'];

/**
 * One rollout of one version of one catalog entity to one environment.
 *
 * @public
 */
export type Deployment = Schemas['Deployment'];
