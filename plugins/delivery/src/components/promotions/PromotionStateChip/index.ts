export { PromotionStateChip, promotionStateText } from './PromotionStateChip';
