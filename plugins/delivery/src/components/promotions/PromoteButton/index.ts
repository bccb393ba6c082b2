export { PromoteButton } from './PromoteButton';
export type { PromotionCandidate } from './PromoteButton';
