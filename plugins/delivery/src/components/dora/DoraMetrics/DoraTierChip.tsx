import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { DoraTier } from '@domain-delivery/backstage-plugin-delivery-common';
import { TIER_LABELS, tierColor } from '../doraTierStyle';

const useStyles = makeStyles<Theme, { tier: DoraTier | null }>(theme => ({
  chip: ({ tier }) => ({
    backgroundColor: tierColor(theme, tier),
    color: theme.palette.getContrastText(tierColor(theme, tier)),
    fontWeight: 600,
  }),
}));

/**
 * A metric's DORA tier as a coloured chip whose words say the tier, so the
 * colour is never the only cue; `Not rated` when the metric has no value.
 */
export const DoraTierChip = ({ tier }: { tier: DoraTier | null }) => {
  const classes = useStyles({ tier });
  return (
    <Chip
      size="small"
      className={classes.chip}
      label={tier ? TIER_LABELS[tier] : 'Not rated'}
    />
  );
};
