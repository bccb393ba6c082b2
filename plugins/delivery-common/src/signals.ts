/**
 * The Backstage signals channel on which the delivery backend says that
 * something a page shows has changed, so that open pages reload it at once
 * instead of polling.
 *
 * @public
 */
export const DELIVERY_SIGNAL_CHANNEL = 'delivery';

/**
 * A message on {@link DELIVERY_SIGNAL_CHANNEL}. It names what changed, never
 * its content: a page that shows it reloads through the API, which applies
 * the reader's permissions.
 *
 * @public
 */
export type DeliverySignal =
  | {
      /** A promotion was requested, approved, rejected, cancelled, executed. */
      type: 'promotion';
      promotionId: string;
      /** The promoted entity, `kind:namespace/name`. */
      entityRef: string;
      /** The target environment. */
      environment: string;
    }
  | {
      /** Deployments of the entity in the environment were stored or changed. */
      type: 'deployment';
      entityRef: string;
      environment: string;
    }
  | {
      /** A halt was set or lifted: what may be promoted changed. */
      type: 'halt';
      haltId: string;
    };
