/**
 * Argo CD applications into Domain Delivery: each new sync of an entity's
 * application becomes a deployment, and the environments show the
 * applications' sync and health.
 *
 * @packageDocumentation
 */
export { deliveryModuleArgoCd as default } from './module';
export { argoCdDeploymentId } from './applications/applicationDeployment';
