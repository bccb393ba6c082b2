export { PendingPromotionCard } from './PendingPromotionCard';
