import { Promotion } from '@domain-delivery/backstage-plugin-delivery-common';

/** Where an open promotion stands, e.g. `Waiting for approval: 1.4.3 needs 1 more approval from group:default/platform-admins`. */
export function describeOpenPromotion(
  promotion: Promotion,
  environmentTitle: string,
): string {
  const { version, trigger } = promotion;
  const what = trigger === 'rollback' ? `Rollback to ${version}` : version;
  switch (promotion.state) {
    case 'pending_approval': {
      const missing = Math.max(
        1,
        promotion.requiredApprovals - promotion.approvals.length,
      );
      const from =
        promotion.approvers.length > 0
          ? ` from ${promotion.approvers.join(', ')}`
          : '';
      return `Waiting for approval: ${what} needs ${missing} more approval${
        missing > 1 ? 's' : ''
      }${from}`;
    }
    case 'approved':
      return `Approved: ${what} goes to ${environmentTitle} shortly`;
    case 'executing':
      return `Promoting: ${what} is being rolled out to ${environmentTitle}`;
    default:
      return `${what}: ${promotion.state}`;
  }
}

/** What became of a promotion that was requested or has finished, for a notice. */
export function describeOutcome(
  promotion: Promotion,
  environmentTitle: string,
): string {
  const { version } = promotion;
  const what =
    promotion.trigger === 'rollback'
      ? `The rollback of ${environmentTitle} to ${version}`
      : `The promotion of ${version} to ${environmentTitle}`;
  const why = promotion.message ? `: ${promotion.message}` : '';
  switch (promotion.state) {
    case 'succeeded':
      return `${what} succeeded${why}`;
    case 'failed':
      return `${what} failed${why}`;
    case 'rejected':
    case 'cancelled':
      return `${what} was ${promotion.state}`;
    default:
      return `${what} was requested. ${describeOpenPromotion(
        promotion,
        environmentTitle,
      )}`;
  }
}
