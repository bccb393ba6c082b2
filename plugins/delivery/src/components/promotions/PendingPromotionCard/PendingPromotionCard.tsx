import { parseEntityRef } from '@backstage/catalog-model';
import { InfoCard, Link } from '@backstage/core-components';
import {
  EntityRefLink,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { Promotion } from '@domain-delivery/backstage-plugin-delivery-common';
import { useState } from 'react';
import { ActorLink } from '../../shared/ActorLink';
import { LoadingState } from '../../shared/LoadingState';
import {
  PromotionDecision,
  PromotionDecisionDialog,
} from '../PromotionDecisionDialog';
import { PromotionPreviewSections } from '../PromotionDialog';
import { RelativeTime } from '../../shared/RelativeTime';
import { describePromotion } from '../describePromotion';
import { usePromotionPreview } from './usePromotionPreview';
import { gateName } from './gateName';

const useStyles = makeStyles((theme: Theme) => ({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: theme.spacing(0, 0, 2),
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0 },
  },
  actions: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
}));

/** Why the viewer cannot approve although they may decide, if so. */
function approvalBlocked(
  promotion: Promotion,
  viewer: string | undefined,
): string | undefined {
  if (!viewer) return undefined;
  if (promotion.approvals.some(a => a.approver === viewer)) {
    return 'You have approved it already; it waits for another approver.';
  }
  if (promotion.requestedBy === viewer && !promotion.allowSelfApproval) {
    return 'You requested it, so another approver has to approve it.';
  }
  return undefined;
}

/**
 * A promotion that waits for approval: who asked for what and why, what it
 * changes (its preview) and, for those who may decide, approve and reject.
 */
export const PendingPromotionCard = ({
  promotion,
  viewer,
  mayDecide,
  onDecide,
}: {
  promotion: Promotion;
  /** The signed-in user's entity ref. */
  viewer?: string;
  /** Whether the signed-in user holds `delivery.promotion.approve`. */
  mayDecide: boolean;
  onDecide: (
    promotion: Promotion,
    decision: PromotionDecision,
    comment: string | undefined,
  ) => Promise<void>;
}) => {
  const classes = useStyles();
  const preview = usePromotionPreview(promotion);
  const [decision, setDecision] = useState<PromotionDecision>();
  const blocked = approvalBlocked(promotion, viewer);
  const approvers = promotion.approvers
    .map(ref => humanizeEntityRef(parseEntityRef(ref)))
    .join(', ');

  const actions = mayDecide ? (
    <div className={classes.actions}>
      <Button
        variant="contained"
        color="primary"
        disabled={Boolean(blocked)}
        onClick={() => setDecision('approve')}
      >
        Approve
      </Button>
      <Button variant="outlined" onClick={() => setDecision('reject')}>
        Reject
      </Button>
      {blocked && (
        <Typography variant="body2" color="textSecondary">
          {blocked}
        </Typography>
      )}
    </div>
  ) : undefined;

  return (
    <article aria-label={`Promotion of ${describePromotion(promotion)}`}>
      <InfoCard
        title={
          <>
            <EntityRefLink entityRef={promotion.entityRef} hideIcon />{' '}
            {promotion.version} into {promotion.environment}
            {promotion.gate && <> · from {gateName(promotion.gate.source)}</>}
          </>
        }
        actions={actions}
      >
        <dl className={classes.facts}>
          <dt>Requested by</dt>
          <dd>
            <ActorLink actor={promotion.requestedBy} />,{' '}
            <RelativeTime value={promotion.requestedAt} />
          </dd>
          <dt>Reason</dt>
          <dd>{promotion.reason}</dd>
          {promotion.gate && (
            <>
              <dt>Deployed by</dt>
              <dd>
                {gateName(promotion.gate.source)}, which waits for the portal's
                answer
                {promotion.gate.url && (
                  <>
                    {' '}
                    (<Link to={promotion.gate.url}>the waiting run</Link>)
                  </>
                )}
                : approving answers it approved and rejecting answers it
                rejected; no executor of the portal runs.
              </dd>
            </>
          )}
          <dt>Approvals</dt>
          <dd>
            {promotion.approvals.length} of {promotion.requiredApprovals}
            {approvers && <>, from {approvers}</>}
          </dd>
        </dl>
        {preview.loading && (
          <LoadingState message="Loading what the promotion changes…" />
        )}
        {preview.error && (
          <Alert severity="warning">
            Could not load what the promotion changes: {preview.error.message}
          </Alert>
        )}
        {preview.value && (
          <PromotionPreviewSections
            preview={
              // The gate deploys: what the portal's executor would change does not apply.
              promotion.gate
                ? { ...preview.value.preview, change: undefined }
                : preview.value.preview
            }
            environment={preview.value.environment}
          />
        )}
      </InfoCard>
      {decision && (
        <PromotionDecisionDialog
          open
          promotion={promotion}
          decision={decision}
          onClose={() => setDecision(undefined)}
          onDecide={async comment => {
            await onDecide(promotion, decision, comment);
            setDecision(undefined);
          }}
        />
      )}
    </article>
  );
};
