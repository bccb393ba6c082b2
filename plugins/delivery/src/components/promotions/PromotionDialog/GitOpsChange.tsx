import Typography from '@material-ui/core/Typography';
import { PromotionChangePreview } from '@domain-delivery/backstage-plugin-delivery-common';
import { ValuesDiff } from '../ValuesDiff';

/**
 * What the target environment's executor will change, e.g. the values file
 * it commits to the GitOps repository, as a diff.
 */
export const GitOpsChange = ({
  change,
  environmentTitle,
}: {
  change?: PromotionChangePreview;
  environmentTitle: string;
}) => {
  if (!change) {
    return (
      <Typography variant="body2" color="error">
        Nothing can carry out a promotion into {environmentTitle}: it has no
        usable executor (the reason is above).
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2" gutterBottom>
        {change.description}
      </Typography>
      <ValuesDiff files={change.files} />
    </>
  );
};
