import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { Promotion } from '@domain-delivery/backstage-plugin-delivery-common';
import { FormEvent, useState } from 'react';
import { describePromotion } from '../describePromotion';
import { refusalMessage } from './refusalMessage';

/** What an approver decides about a promotion that waits for approval. */
export type PromotionDecision = 'approve' | 'reject';

const WORDS: Record<
  PromotionDecision,
  { title: string; confirm: string; busy: string; help: string }
> = {
  approve: {
    title: 'Approve',
    confirm: 'Approve',
    busy: 'Approving…',
    help: 'Optional; kept with the promotion and shown to the requester.',
  },
  reject: {
    title: 'Reject',
    confirm: 'Reject',
    busy: 'Rejecting…',
    help: 'Required: say why, so the requester knows what to change.',
  },
};

/**
 * Asks for the comment of an approval or a rejection and submits it. A
 * rejection ends the promotion, so it needs a comment saying why (the backend
 * refuses one without). A refusal (e.g. a 409 because someone else decided
 * first) is shown in the dialog with the backend's own message.
 */
export const PromotionDecisionDialog = ({
  promotion,
  decision,
  open,
  onClose,
  onDecide,
}: {
  promotion: Promotion;
  decision: PromotionDecision;
  open: boolean;
  onClose: () => void;
  /** Submits the decision; a rejected promise keeps the dialog open with its message. */
  onDecide: (comment: string | undefined) => Promise<void>;
}) => {
  const words = WORDS[decision];
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const trimmed = comment.trim();
  const canSubmit = !busy && (decision === 'approve' || trimmed !== '');
  const titleId = `promotion-${decision}-title-${promotion.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    setError(undefined);
    try {
      await onDecide(trimmed || undefined);
      setComment('');
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>
          {words.title} {describePromotion(promotion)}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            Requested because: {promotion.reason}
          </DialogContentText>
          {error && (
            <Alert severity="error" role="alert">
              {refusalMessage(error)}
            </Alert>
          )}
          <TextField
            id={`promotion-${decision}-comment-${promotion.id}`}
            label="Comment"
            value={comment}
            onChange={event => setComment(event.target.value)}
            helperText={words.help}
            required={decision === 'reject'}
            multiline
            minRows={3}
            fullWidth
            margin="normal"
            variant="outlined"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button
            type="submit"
            color={decision === 'reject' ? 'secondary' : 'primary'}
            variant="contained"
            disabled={!canSubmit}
          >
            {busy ? words.busy : words.confirm}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
