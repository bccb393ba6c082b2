import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EnvironmentSummary } from '@domain-delivery/backstage-plugin-delivery-common';
import { useState } from 'react';
import { DeploymentTable } from '../DeploymentTable';
import { FilterSelect } from '../../shared/FilterSelect';
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

const OUTCOMES = [{ value: 'failed', label: 'Failures only' }];

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
  // The cursors lead one page newer or one page older.
  const pages = [
    { label: 'Newer', go: feed.newer, exists: feed.hasNewer },
    { label: 'Older', go: feed.older, exists: feed.hasOlder },
  ];
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
          <FilterSelect
            id={`${id}-environment`}
            label="Environment"
            allLabel="All environments"
            value={environment}
            options={environments.map(e => ({ value: e.name, label: e.title }))}
            onChange={setEnvironment}
            className={classes.filter}
          />
        )}
        <FilterSelect
          id={`${id}-outcome`}
          label="Outcome"
          allLabel="All outcomes"
          value={failuresOnly ? 'failed' : ''}
          options={OUTCOMES}
          onChange={value => setFailuresOnly(value === 'failed')}
          className={classes.filter}
        />
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
        {pages.map(({ label, go, exists }) => (
          <Button
            key={label}
            size="small"
            onClick={go}
            disabled={!exists || feed.loading}
          >
            {label}
          </Button>
        ))}
      </nav>
    </InfoCard>
  );
};
