import { InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { Environment } from '@internal/backstage-plugin-delivery-common';

/** Describes how a version gets into an environment, from its promotion policy. */
export function describePolicy(environment: Environment): string {
  const policy = environment.promotion;
  if (!policy?.promotedFrom) {
    return 'Deployed directly by the pipeline';
  }
  const approvals = policy.requiredApprovals ?? 0;
  const approval =
    approvals > 0
      ? `, ${approvals} approval${approvals > 1 ? 's' : ''} required`
      : '';
  return `Promoted from ${policy.promotedFrom}${approval}`;
}

/** One environment of a component: what runs there and how it gets there. */
export const EnvironmentCard = ({
  environment,
}: {
  environment: Environment;
}) => (
  <InfoCard
    title={environment.title ?? environment.name}
    subheader={describePolicy(environment)}
    action={
      environment.production ? (
        <Chip label="production" color="primary" size="small" />
      ) : undefined
    }
  >
    <Typography variant="body2" color="textSecondary">
      No deployment reported to {environment.name} yet.
    </Typography>
  </InfoCard>
);
