export { PromotionDialog, promoteLabel } from './PromotionDialog';
export { PromotionPreviewSections } from './PromotionPreviewSections';
