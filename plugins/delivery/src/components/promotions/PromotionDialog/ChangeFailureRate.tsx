import Typography from '@material-ui/core/Typography';
import {
  changeFailureRateTier,
  EnvironmentSummary,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { formatShare } from '../../dora/formatDora';

/**
 * The target environment's recent change failure rate, so whoever confirms
 * sees how often changes there went wrong lately.
 */
export const ChangeFailureRate = ({
  rate,
  environment,
}: {
  rate: number | null;
  environment: EnvironmentSummary;
}) => {
  if (rate === null) {
    return (
      <Typography variant="body2" color="textSecondary">
        {environment.production
          ? `No deployment to ${environment.title} in the last 30 days to rate.`
          : `Not rated: the change failure rate counts production deployments only.`}
      </Typography>
    );
  }
  return (
    <Typography variant="body2">
      {formatShare(rate)} of the deployments to {environment.title} in the last
      30 days failed (DORA tier: {changeFailureRateTier(rate)}).
    </Typography>
  );
};
