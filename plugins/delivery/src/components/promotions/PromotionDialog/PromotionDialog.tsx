import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  EnvironmentSummary,
  MissingVersion,
  PromotionPreview,
  PromotionRequest,
  RequestedPromotion,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { ReactNode, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { deliveryApiRef } from '../../../api';
import { PolicyNotices } from './PolicyNotices';
import { PromotionPreviewSections } from './PromotionPreviewSections';

/** The confirm button of a promotion: it asks for approval when the policy needs one. */
export function promoteLabel(preview?: PromotionPreview): string {
  return preview && preview.approvals.required > 0
    ? 'Request promotion'
    : 'Promote';
}

/**
 * Everything a promotion (or rollback) will do, shown before anyone confirms
 * it: the version change, the changelog, the values-file diff, the target's
 * recent change failure rate, the approvals it needs, and why it would be
 * refused or what to know. Asks for the reason and requests it.
 */
export const PromotionDialog = ({
  title,
  request,
  environment,
  versions,
  confirmLabel,
  onClose,
  onRequested,
  children,
}: {
  title: string;
  /** What to preview and request; nothing while a version is still to be chosen. */
  request?: Omit<PromotionRequest, 'reason'>;
  environment: EnvironmentSummary;
  /** The versions the promotion brings, newest first, for the changelog. */
  versions?: MissingVersion[];
  /** The confirm button's label, from the preview once it is there. */
  confirmLabel: (preview?: PromotionPreview) => string;
  onClose: () => void;
  onRequested: (promotion: RequestedPromotion) => void;
  /** Shown above the preview, e.g. the choice of the version to roll back to. */
  children?: ReactNode;
}) => {
  const deliveryApi = useApi(deliveryApiRef);
  const [reason, setReason] = useState('');
  const titleId = `promotion-dialog-title-${environment.name}`;

  const preview = useAsync(
    async () => (request ? deliveryApi.previewPromotion(request) : undefined),
    [
      deliveryApi,
      request?.entityRef,
      request?.environment,
      request?.version,
      request?.trigger,
    ],
  );

  const [submission, submit] = useAsyncFn(async () => {
    const requested = await deliveryApi.requestPromotion({
      ...request!,
      reason: reason.trim(),
    });
    onRequested(requested);
    return requested;
  }, [deliveryApi, request, reason, onRequested]);

  const value = preview.loading ? undefined : preview.value;
  const blocked = !value || value.violations.length > 0;

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby={titleId}
      maxWidth="md"
      fullWidth
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        {children}
        {preview.loading && <Progress />}
        {preview.error && (
          <Alert severity="error">
            Could not preview it: {preview.error.message}
          </Alert>
        )}
        {value && (
          <>
            <PolicyNotices
              violations={value.violations}
              warnings={value.warnings}
            />
            <PromotionPreviewSections
              preview={value}
              environment={environment}
              versions={versions}
            />
          </>
        )}
        <TextField
          id={`promotion-reason-${environment.name}`}
          label="Reason"
          helperText="Shown to the approvers and kept with the promotion"
          value={reason}
          onChange={event => setReason(event.target.value)}
          required
          multiline
          fullWidth
          margin="normal"
          variant="outlined"
        />
        {submission.error && (
          <Alert severity="error">{submission.error.message}</Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={submit}
          disabled={blocked || reason.trim() === '' || submission.loading}
        >
          {confirmLabel(value)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
