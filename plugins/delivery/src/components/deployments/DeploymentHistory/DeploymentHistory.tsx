import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EnvironmentSummary } from '@internal/backstage-plugin-delivery-common';
import { useState } from 'react';
import { DeploymentTable } from '../DeploymentTable';
import { LoadingState } from '../../shared/LoadingState';
import { useDeploymentFeed } from './useDeploymentFeed';

const useStyles = makeStyles(theme => ({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  filter: { minWidth: 180 },
  paging: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'flex-end',
    gap: theme.spacing(1),
    marginTop: theme.spacing(1),
  },
  progress: { minHeight: 4 },
}));

/** The deployment history as a filterable table that pages with the backend's cursors. */
export const DeploymentHistory = ({
  title = 'Deployment history',
  entityRefs,
  domain,
  owner,
  environments,
  showEntity = false,
  pageSize = 20,
  environment: fixedEnvironment,
  revision = 0,
}: {
  title?: string;
  /** Whose deployments (at most 100); with no scope at all, the whole portal's. */
  entityRefs?: string[];
  /** Only the deployments of this domain's components. */
  domain?: string;
  /** Only the deployments of the entities this group owns. */
  owner?: string;
  /** The environments to filter by, in promotion order. */
  environments: EnvironmentSummary[];
  /** Whether to show which component each deployment is of. */
  showEntity?: boolean;
  pageSize?: number;
  /** An environment chosen outside (e.g. by a page filter); hides the environment select. */
  environment?: string;
  /** Grows when the page learns that deployments changed: the page shown is read again. */
  revision?: number;
}) => {
  const classes = useStyles();
  // Ids tie each select to its label; a page holds one history per title.
  const id = `deployment-history-${title.replace(/\W+/g, '-').toLowerCase()}`;
  const [chosenEnvironment, setEnvironment] = useState('');
  const environment = fixedEnvironment ?? chosenEnvironment;
  const [failuresOnly, setFailuresOnly] = useState(false);
  const feed = useDeploymentFeed(
    {
      entityRefs,
      domain,
      owner,
      environment: environment || undefined,
      status: failuresOnly ? 'failed' : undefined,
      pageSize,
    },
    revision,
  );
  const filtered = Boolean(environment) || failuresOnly;
  const items = feed.page?.items ?? [];

  let body;
  if (feed.error) {
    body = (
      <ResponseErrorPanel
        title="Could not load the deployment history"
        error={feed.error}
      />
    );
  } else if (!feed.page) {
    body = <LoadingState message="Loading the deployment history…" />;
  } else if (items.length === 0) {
    let message = 'No deployments reported yet.';
    if (feed.hasOlder) {
      message =
        'No match among the deployments read so far; Older reads further back.';
    } else if (filtered) {
      message = 'No deployment matches these filters.';
    }
    body = (
      <Typography variant="body2" color="textSecondary" role="status">
        {message}
      </Typography>
    );
  } else {
    body = (
      <DeploymentTable
        deployments={items}
        environments={environments}
        caption={title}
        showEntity={showEntity}
      />
    );
  }

  return (
    <InfoCard title={title} titleTypographyProps={{ component: 'h2' }}>
      <div className={classes.filters}>
        {fixedEnvironment === undefined && (
          <TextField
            select
            id={`${id}-environment`}
            label="Environment"
            value={environment}
            onChange={e => setEnvironment(e.target.value)}
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
            className={classes.filter}
          >
            <option value="">All environments</option>
            {environments.map(e => (
              <option key={e.name} value={e.name}>
                {e.title}
              </option>
            ))}
          </TextField>
        )}
        <TextField
          select
          id={`${id}-outcome`}
          label="Outcome"
          value={failuresOnly ? 'failed' : ''}
          onChange={e => setFailuresOnly(e.target.value === 'failed')}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          className={classes.filter}
        >
          <option value="">All outcomes</option>
          <option value="failed">Failures only</option>
        </TextField>
      </div>
      <div className={classes.progress}>
        {feed.loading && feed.page && (
          <LinearProgress aria-label="Loading deployments" />
        )}
      </div>
      {body}
      <nav className={classes.paging} aria-label={`${title} pages`}>
        <Typography variant="body2" color="textSecondary">
          Page {feed.pageNumber}
        </Typography>
        <Button
          size="small"
          onClick={feed.newer}
          disabled={!feed.hasNewer || feed.loading}
        >
          Newer
        </Button>
        <Button
          size="small"
          onClick={feed.older}
          disabled={!feed.hasOlder || feed.loading}
        >
          Older
        </Button>
      </nav>
    </InfoCard>
  );
};
