import {
  PromotionApproval,
  PromotionTransition,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { PromotionRecord } from '../../../database/promotions/PromotionStore';

/**
 * What the gate is told with the answer: who approved, who rejected or
 * cancelled it and why, or the rules that refused it at once.
 */
export function gateAnswerComment(
  promotion: PromotionRecord,
  approvals: PromotionApproval[],
  transitions: PromotionTransition[],
): string {
  if (promotion.state === 'approved') {
    if (!approvals.length) {
      return `Approved by the Domain Delivery portal: ${promotion.environment} needs no approval, and no rule refuses ${promotion.version}`;
    }
    return `Approved in the Domain Delivery portal by ${approvals
      .map(({ approver, comment }) =>
        comment ? `${approver} (${comment})` : approver,
      )
      .join(', ')}`;
  }
  const decided = [...transitions]
    .reverse()
    .find(({ to }) => to === promotion.state);
  if (!decided?.from) {
    // Refused when it was asked: the comment names the rules.
    return `Rejected by the Domain Delivery portal. ${
      decided?.comment ?? promotion.reason
    }`;
  }
  const verb = promotion.state === 'cancelled' ? 'Cancelled' : 'Rejected';
  return `${verb} in the Domain Delivery portal by ${decided.actor}${
    decided.comment ? `: ${decided.comment}` : ''
  }`;
}
