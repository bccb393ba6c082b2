import type { DeliveryApiComponents } from '../schema';

/**
 * A policy rule that can refuse a promotion request.
 *
 * @public
 */
export type PromotionRule =
  DeliveryApiComponents['schemas']['PromotionViolation']['rule'];

/**
 * What the target environment's executor will do.
 *
 * @public
 */
export type PromotionChangePreview = NonNullable<
  DeliveryApiComponents['schemas']['PromotionPreview']['change']
>;
