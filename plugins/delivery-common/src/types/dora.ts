import type { DeliveryApiComponents, DeliveryApiOperations } from '../schema';

/**
 * A DORA performance cluster, best first; `null` where the metric has no
 * value (e.g. no failed deployment to take a recovery median of).
 *
 * @public
 */
export type DoraTier = Exclude<
  DeliveryApiComponents['schemas']['DoraTier'],
  null
>;

/**
 * How the DORA series divides the window: calendar days or ISO weeks
 * (Monday to Sunday), in the requested time zone.
 *
 * @public
 */
export type DoraBucketSize = NonNullable<
  DeliveryApiOperations['GetDora']['parameters']['query']['bucket']
>;
