import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { PromotionState } from '@domain-delivery/backstage-plugin-delivery-common';

const STATE_LABELS: Record<PromotionState, string> = {
  pending_approval: 'Waiting for approval',
  approved: 'Approved',
  executing: 'Executing',
  succeeded: 'Succeeded',
  failed: 'Failed',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
};

/** The words for a promotion state, e.g. `Waiting for approval`. */
export function promotionStateText(state: PromotionState): string {
  return STATE_LABELS[state] ?? state;
}

type Tone = 'waiting' | 'moving' | 'good' | 'bad' | 'ended';

const TONES: Record<PromotionState, Tone> = {
  pending_approval: 'waiting',
  approved: 'moving',
  executing: 'moving',
  succeeded: 'good',
  failed: 'bad',
  rejected: 'bad',
  cancelled: 'ended',
};

const useStyles = makeStyles((theme: Theme) => ({
  waiting: { borderColor: theme.palette.warning.main },
  moving: { borderColor: theme.palette.info.main },
  good: { borderColor: theme.palette.success.main },
  bad: { borderColor: theme.palette.error.main },
  ended: {},
}));

/** A promotion's state as an outlined chip: the word, with a coloured border as a hint only. */
export const PromotionStateChip = ({ state }: { state: PromotionState }) => {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      variant="outlined"
      className={classes[TONES[state] ?? 'ended']}
      label={promotionStateText(state)}
    />
  );
};
