export { PromotionDecisionDialog } from './PromotionDecisionDialog';
export type { PromotionDecision } from './PromotionDecisionDialog';
