import Typography from '@material-ui/core/Typography';
import { PromotionPreview } from '@domain-delivery/backstage-plugin-delivery-common';

/** Who has to approve a promotion before it is carried out, or that nobody does. */
function describeApprovals(approvals: PromotionPreview['approvals']): string {
  const { required, approvers, allowSelfApproval } = approvals;
  if (required <= 0) {
    return 'No approval needed: it is carried out as soon as you confirm.';
  }
  const from = approvers.length > 0 ? ` from ${approvers.join(', ')}` : '';
  const self = allowSelfApproval ? '' : ' Your own approval does not count.';
  return `Needs ${required} approval${required > 1 ? 's' : ''}${from}.${self}`;
}

/** The approvals a promotion will need. */
export const ApprovalsNeeded = ({
  approvals,
}: {
  approvals: PromotionPreview['approvals'];
}) => <Typography variant="body2">{describeApprovals(approvals)}</Typography>;
