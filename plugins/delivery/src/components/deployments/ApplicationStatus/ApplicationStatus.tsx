import {
  Link,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ApplicationStatus as ApplicationStatusType } from '@domain-delivery/backstage-plugin-delivery-common';
import { ReactNode } from 'react';
import { RelativeTime } from '../../shared/RelativeTime';

const SOURCES: Record<string, string> = { argocd: 'Argo CD' };

const useStyles = makeStyles(theme => ({
  message: { display: 'block', color: theme.palette.error.main },
  observed: {
    display: 'block',
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  },
}));

/** The name people know the source by, e.g. `Argo CD`. */
export function sourceTitle(source: string): string {
  return SOURCES[source] ?? source;
}

// Argo CD's health states, as a status people read at a glance.
function Health({ status }: { status: string }): ReactNode {
  switch (status) {
    case 'Healthy':
      return <StatusOK>Healthy</StatusOK>;
    case 'Progressing':
      return <StatusRunning>Progressing</StatusRunning>;
    case 'Degraded':
      return <StatusError>Degraded</StatusError>;
    case 'Missing':
    case 'Unknown':
      return <StatusWarning>{status}</StatusWarning>;
    default:
      return <StatusPending>{status}</StatusPending>;
  }
}

function Sync({ status }: { status: string }): ReactNode {
  return status === 'Synced' ? (
    <StatusOK>Synced</StatusOK>
  ) : (
    <StatusWarning>{status}</StatusWarning>
  );
}

/**
 * How the entity's application stands in the environment, as the portal last
 * read it from the source (Argo CD's sync and health), linked to the
 * application there.
 */
export const ApplicationStatus = ({
  application,
}: {
  application: ApplicationStatusType;
}) => {
  const classes = useStyles();
  return (
    <Typography variant="body2" component="span">
      <Sync status={application.syncStatus} />{' '}
      <Health status={application.healthStatus} />{' '}
      {application.url ? (
        <Link
          to={application.url}
          aria-label={`Open ${application.name} in ${sourceTitle(
            application.source,
          )}`}
        >
          {application.name}
        </Link>
      ) : (
        application.name
      )}
      {application.healthMessage && (
        <span className={classes.message}>{application.healthMessage}</span>
      )}
      <span className={classes.observed}>
        as of <RelativeTime value={application.observedAt} />
      </span>
    </Typography>
  );
};
