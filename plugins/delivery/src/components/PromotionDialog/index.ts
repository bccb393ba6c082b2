export { PromotionDialog, promoteLabel } from './PromotionDialog';
export { formatPercent } from './ChangeFailureRate';
export { describeApprovals } from './ApprovalsNeeded';
export { PromotionPreviewSections } from './PromotionPreviewSections';
