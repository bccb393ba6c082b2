import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { DoraTier } from '@domain-delivery/backstage-plugin-delivery-common';

const TIER_LABELS: Record<DoraTier, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

const tierColor = (theme: Theme, tier: DoraTier | null) => {
  switch (tier) {
    case 'elite':
      return theme.palette.success.main;
    case 'high':
      return theme.palette.info.main;
    case 'medium':
      return theme.palette.warning.main;
    case 'low':
      return theme.palette.error.main;
    default:
      return theme.palette.grey[500];
  }
};

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
