import type { DeliveryApiComponents, DeliveryApiOperations } from '../schema';

type Schemas = DeliveryApiComponents['schemas'];

/**
 * A DORA performance cluster, best first; `null` where the metric has no
 * value (e.g. no failed deployment to take a recovery median of).
 *
 * @public
 */
export type DoraTier = Exclude<Schemas['DoraTier'], null>;

/**
 * How the DORA series divides the window: calendar days or ISO weeks
 * (Monday to Sunday), in the requested time zone.
 *
 * @public
 */
export type DoraBucketSize = NonNullable<
  DeliveryApiOperations['GetDora']['parameters']['query']['bucket']
>;

/**
 * The DORA numbers of a scope (an entity, a domain, a team or the whole
 * portal) over a window `[from, to)`, as `PRODUCT.md` defines them. A ratio
 * with nothing to divide, or a median of nothing, is `null`.
 *
 * @public
 */
export type DoraSummary = Schemas['DoraSummary'];

/**
 * The DORA tier of each of the four keys; `null` where the metric is `null`.
 *
 * @public
 */
export type DoraTiers = Schemas['DoraTiers'];

/**
 * One day or ISO week of the DORA series: the same numbers as the summary,
 * over the part of the bucket that lies in the window.
 *
 * @public
 */
export type DoraBucket = Schemas['DoraBucket'];

/**
 * The answer to `GET /dora`.
 *
 * @public
 */
export type DoraResponse = Schemas['DoraResponse'];
