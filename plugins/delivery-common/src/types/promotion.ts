import { Schemas } from './wire';

/**
 * A policy rule that can refuse a promotion request.
 *
 * @public
 */
export type PromotionRule = Schemas['PromotionViolation']['rule'];

/**
 * What the target environment's executor will do.
 *
 * @public
 */
export type PromotionChangePreview = NonNullable<
  Schemas['PromotionPreview']['change']
>;
