export {
  PromotionPreviewDetails,
  formatChangeFailureRate,
} from './PromotionPreviewDetails';
