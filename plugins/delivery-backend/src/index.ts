/**
 * The delivery backend plugin: the delivery API (deployments, promotions,
 * environments, DORA metrics), its store, and the events endpoint CI posts to.
 *
 * @packageDocumentation
 */
export { deliveryPlugin as default } from './plugin';
