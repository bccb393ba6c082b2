import { Schemas } from './wire';

/**
 * The body of `POST /promotions` (and, without `reason`, of
 * `POST /promotions/preview`).
 *
 * @public
 */
export type PromotionRequest = Schemas['PromotionRequest'];

/**
 * A policy rule that can refuse a promotion request.
 *
 * @public
 */
export type PromotionRule = PromotionViolation['rule'];

/**
 * Why a promotion request would be refused, naming the rule.
 *
 * @public
 */
export type PromotionViolation = Schemas['PromotionViolation'];

/**
 * Something the requester should know, which does not refuse the request.
 *
 * @public
 */
export type PromotionWarning = Schemas['PromotionWarning'];

/**
 * The answer to `POST /promotions`: the new promotion, and warnings.
 *
 * @public
 */
export type RequestedPromotion = Schemas['RequestedPromotion'];

/**
 * A file a promotion will change in the GitOps repository.
 *
 * @public
 */
export type PromotionFileChange = Schemas['PromotionFileChange'];

/**
 * What the target environment's executor will do.
 *
 * @public
 */
export type PromotionChangePreview = NonNullable<PromotionPreview['change']>;

/**
 * The answer to `POST /promotions/preview`: everything the promotion dialog
 * shows before anyone confirms.
 *
 * @public
 */
export type PromotionPreview = Schemas['PromotionPreview'];

/**
 * The body of `POST /freeze-windows`: a one-off freeze window set by an admin.
 *
 * @public
 */
export type FreezeWindowRequest = Schemas['FreezeWindowRequest'];

/**
 * A freeze window of an environment, from the configuration or set by an admin.
 *
 * @public
 */
export type FreezeWindowEntry = Schemas['FreezeWindowEntry'];
