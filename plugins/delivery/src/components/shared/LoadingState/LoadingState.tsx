import { Progress } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';

/** A progress bar with words saying what is being loaded. */
export const LoadingState = ({ message }: { message: string }) => (
  <div role="status" aria-live="polite">
    <Progress />
    <Typography variant="body2" color="textSecondary">
      {message}
    </Typography>
  </div>
);
