export { PromotionTransitions } from './PromotionTransitions';
