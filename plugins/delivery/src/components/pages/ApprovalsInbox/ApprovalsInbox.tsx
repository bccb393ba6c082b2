import {
  Content,
  ContentHeader,
  EmptyState,
  InfoCard,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import {
  deliveryPromotionApprovePermission,
  Promotion,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { deliveryApiRef } from '../../../api';
import { describePromotion } from '../../promotions/describePromotion';
import { LoadingState } from '../../shared/LoadingState';
import { PendingPromotionCard } from '../../promotions/PendingPromotionCard';
import { PromotionDecision } from '../../promotions/PromotionDecisionDialog';
import { PromotionHistory } from '../../promotions/PromotionHistory';
import { ApprovalsInboxData, useApprovalsInbox } from './useApprovalsInbox';

const DONE: Record<PromotionDecision, string> = {
  approve: 'Approved',
  reject: 'Rejected',
};

const InboxBody = ({
  data,
  onDecided,
}: {
  data: ApprovalsInboxData;
  onDecided: () => void;
}) => {
  const deliveryApi = useApi(deliveryApiRef);
  // The last decision, said where the promotion was, since its card goes away.
  const [decided, setDecided] = useState<string>();
  const permission = usePermission({
    permission: deliveryPromotionApprovePermission,
  });
  // Approve and reject appear only once the permission is known to be held.
  const mayDecide = !permission.loading && permission.allowed;
  const mine = data.history.filter(p => p.requestedBy === data.viewer);

  const decide = async (
    promotion: Promotion,
    decision: PromotionDecision,
    comment: string | undefined,
  ) => {
    if (decision === 'approve') {
      await deliveryApi.approvePromotion(promotion.id, comment);
    } else {
      await deliveryApi.rejectPromotion(promotion.id, comment);
    }
    setDecided(`${DONE[decision]} ${describePromotion(promotion)}.`);
    onDecided();
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Typography variant="h5" component="h2" gutterBottom>
          Waiting for approval ({data.pending.length})
        </Typography>
        <div role="status">
          {decided && <Alert severity="success">{decided}</Alert>}
        </div>
        {!permission.loading && !mayDecide && data.pending.length > 0 && (
          <Alert severity="info">
            Only approvers (the <code>delivery.promotion.approve</code>{' '}
            permission) can approve or reject these promotions.
          </Alert>
        )}
      </Grid>
      {data.pending.length === 0 && (
        <Grid item xs={12}>
          <EmptyState
            missing="data"
            title="Nothing waits for approval"
            description="A promotion into an environment that needs approvals, such as production, shows here until it is approved, rejected or cancelled."
          />
        </Grid>
      )}
      {data.pending.map(promotion => (
        <Grid item xs={12} lg={6} key={promotion.id}>
          <PendingPromotionCard
            promotion={promotion}
            viewer={data.viewer}
            mayDecide={mayDecide}
            onDecide={decide}
          />
        </Grid>
      ))}
      <Grid item xs={12}>
        <InfoCard title="Your requests" noPadding>
          <PromotionHistory
            promotions={mine}
            label="Promotions you requested"
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Promotion history" noPadding>
          <PromotionHistory
            promotions={data.history}
            label="Promotion history"
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
};

/**
 * The approvals inbox: the promotions waiting for approval with what each
 * changes, approve and reject for approvers, the signed-in user's own
 * requests, and the history of every promotion with its transitions.
 */
export const ApprovalsInbox = () => {
  const { value, error, retry } = useApprovalsInbox();
  let body;
  if (error) {
    body = (
      <ResponseErrorPanel title="Could not load the promotions" error={error} />
    );
  } else if (!value) {
    body = <LoadingState message="Loading the promotions…" />;
  } else {
    body = <InboxBody data={value} onDecided={retry} />;
  }
  return (
    <Content>
      <ContentHeader
        title="Approvals"
        description="Promotions waiting for approval, and every promotion’s history"
      />
      {body}
    </Content>
  );
};
