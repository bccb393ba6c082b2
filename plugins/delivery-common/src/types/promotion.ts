import { Schemas } from './wire';

/**
 * The state of a promotion: `pending_approval → approved → executing →
 * succeeded | failed`, or `rejected | cancelled`.
 *
 * @public
 */
export type PromotionState = Schemas['PromotionState'];

/**
 * What a promotion does: a regular promotion, a rollback to an earlier
 * version, or a hotfix that skips the previous environment.
 *
 * @public
 */
export type PromotionTrigger = Schemas['PromotionTrigger'];

/**
 * One approval given to a promotion.
 *
 * @public
 */
export type PromotionApproval = Schemas['PromotionApproval'];

/**
 * A recorded change of a promotion's state: who, when and why.
 *
 * @public
 */
export type PromotionTransition = Schemas['PromotionTransition'];

/**
 * A request to move a version of an entity into an environment.
 *
 * @public
 */
export type Promotion = Schemas['Promotion'];
