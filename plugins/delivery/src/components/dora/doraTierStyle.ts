import { Theme } from '@material-ui/core/styles';
import { DoraTier } from '@domain-delivery/backstage-plugin-delivery-common';

/** A tier in words: `Elite`. */
export const TIER_LABELS: Record<DoraTier, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/** A tier's colour: green to red, grey when there is no tier. */
export const tierColor = (theme: Theme, tier: DoraTier | null) => {
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
