import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';

/**
 * A placeholder for a number the backend has not answered with (yet): a dash,
 * with a tooltip (on hover and keyboard focus) saying what will appear there.
 */
export const NotYetAvailable = ({ explanation }: { explanation: string }) => (
  <Tooltip title={explanation} arrow>
    <Typography
      component="span"
      variant="inherit"
      tabIndex={0}
      aria-label={`Not available yet. ${explanation}`}
    >
      —
    </Typography>
  </Tooltip>
);
