import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  deliveryPromotionCreatePermission,
  EnvironmentSummary,
  MissingVersion,
  RequestedPromotion,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../../api';
import { PromotionDialog, promoteLabel } from '../PromotionDialog';
import { refusalReasons } from './refusalReasons';

const useStyles = makeStyles(theme => ({
  reasons: { marginTop: theme.spacing(0.5) },
}));

/** The version the environment would be promoted to: what runs in the one it is promoted from. */
export interface PromotionCandidate {
  version: string;
  /** The environment it runs in, e.g. `staging`. */
  sourceEnvironment: string;
  /** The versions a promotion of it brings, newest first. */
  versions: MissingVersion[];
}

/**
 * Promotes the candidate version into an environment: offered only to whoever
 * may request it, disabled with the reason while the policy would refuse it
 * (a freeze window, the soak time, an open promotion, …).
 */
export const PromoteButton = ({
  entityRef,
  environment,
  candidate,
  revision,
  onRequested,
}: {
  entityRef: string;
  environment: EnvironmentSummary;
  candidate: PromotionCandidate;
  /** Changes whenever what runs or is open may have changed, to check again. */
  revision: number;
  onRequested: (promotion: RequestedPromotion) => void;
}) => {
  const classes = useStyles();
  const deliveryApi = useApi(deliveryApiRef);
  const [open, setOpen] = useState(false);
  const permission = usePermission({
    permission: deliveryPromotionCreatePermission,
    resourceRef: entityRef,
  });
  const { version } = candidate;

  const preview = useAsync(
    async () =>
      permission.allowed
        ? deliveryApi.previewPromotion({
            entityRef,
            environment: environment.name,
            version,
          })
        : undefined,
    [
      deliveryApi,
      permission.allowed,
      entityRef,
      environment.name,
      version,
      revision,
    ],
  );

  if (!permission.allowed) {
    return null;
  }

  let reasons: string[] = [];
  if (preview.error) {
    reasons = [`Could not check the promotion: ${preview.error.message}`];
  } else if (preview.value) {
    reasons = refusalReasons(preview.value, environment.title);
  }
  const reasonsId = `promote-reasons-${environment.name}`;
  const label = `Promote to ${environment.title}`;

  return (
    <div>
      <Tooltip title={reasons.join(' ')}>
        {/* A disabled button gets no pointer events; the span shows the tooltip for it. */}
        <span>
          <Button
            variant="contained"
            color="primary"
            disabled={!preview.value || reasons.length > 0}
            onClick={() => setOpen(true)}
            aria-describedby={reasons.length > 0 ? reasonsId : undefined}
          >
            {label}
          </Button>
        </span>
      </Tooltip>{' '}
      <Typography variant="caption" color="textSecondary">
        {version} from {candidate.sourceEnvironment}
      </Typography>
      {reasons.length > 0 && (
        <Typography
          id={reasonsId}
          variant="body2"
          color="textSecondary"
          className={classes.reasons}
        >
          {reasons.join(' ')}
        </Typography>
      )}
      {open && (
        <PromotionDialog
          title={`Promote ${version} to ${environment.title}`}
          request={{ entityRef, environment: environment.name, version }}
          environment={environment}
          versions={candidate.versions}
          confirmLabel={promoteLabel}
          onClose={() => setOpen(false)}
          onRequested={promotion => {
            setOpen(false);
            onRequested(promotion);
          }}
        />
      )}
    </div>
  );
};
