import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  EnvironmentStatus,
  Promotion,
  RequestedPromotion,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { ActorLink } from '../../shared/ActorLink';
import { PromoteButton } from '../PromoteButton';
import { RelativeTime } from '../../shared/RelativeTime';
import { RollbackButton } from '../RollbackButton';
import { describeOpenPromotion, describeOutcome } from './promotionProgress';

const useStyles = makeStyles(theme => ({
  open: { marginBottom: theme.spacing(1) },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
  },
}));

/**
 * What is under way into an environment and what may be done about it: its
 * open promotions, Promote (the version running in the environment it is
 * promoted from) and, for production, Roll back.
 */
export const EnvironmentPromotions = ({
  entityRef,
  status,
  source,
  openPromotions,
  revision,
  onChanged,
}: {
  entityRef: string;
  status: EnvironmentStatus;
  /** The environment this one is promoted from, for this entity. */
  source?: EnvironmentStatus;
  /** The open promotions into this environment, newest first. */
  openPromotions: Promotion[];
  /** Changes whenever the environments were read again. */
  revision: number;
  /** Called once a promotion was requested, to read the environments again. */
  onChanged: () => void;
}) => {
  const classes = useStyles();
  const alertApi = useApi(alertApiRef);
  const { environment, current } = status;

  const onRequested = (promotion: RequestedPromotion) => {
    const warnings = promotion.warnings.map(w => w.message).join(' ');
    alertApi.post({
      message: `${describeOutcome(promotion, environment.title)}${
        warnings ? ` Note: ${warnings}` : ''
      }`,
      severity: warnings ? 'warning' : 'success',
      display: 'transient',
    });
    onChanged();
  };

  // What the source's next environment misses is this one's only when this
  // is that next (a second production region is not).
  const candidate = source?.current && {
    version: source.current.version,
    sourceEnvironment: source.environment.name,
    versions:
      source.next?.environment === environment.name
        ? source.next.missing.versions
        : [],
  };

  return (
    <>
      {openPromotions.map(promotion => (
        <div key={promotion.id} className={classes.open}>
          <Typography variant="body2">
            {describeOpenPromotion(promotion, environment.title)}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            Requested by <ActorLink actor={promotion.requestedBy} />{' '}
            <RelativeTime value={promotion.requestedAt} />: {promotion.reason}
          </Typography>
        </div>
      ))}
      <div className={classes.actions}>
        {candidate && (
          <PromoteButton
            entityRef={entityRef}
            environment={environment}
            candidate={candidate}
            revision={revision}
            onRequested={onRequested}
          />
        )}
        {environment.production && current && (
          <RollbackButton
            entityRef={entityRef}
            environment={environment}
            currentVersion={current.version}
            onRequested={onRequested}
          />
        )}
      </div>
    </>
  );
};
