import { parseEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  PipelineHealth,
  PipelineRunLink,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../../api';
import { percent, pipelineHealthSummary } from '../pipelineHealthSummary';

const useStyles = makeStyles(theme => ({
  suites: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(1),
  },
  section: { marginTop: theme.spacing(2) },
}));

const componentName = (entityRef: string) => parseEntityRef(entityRef).name;

/** A run as a link to its page, e.g. `run 4 (attempt 2)`, or its name without a URL. */
const RunLink = ({
  run,
  children,
}: {
  run: PipelineRunLink;
  children: ReactNode;
}) => (run.url ? <Link to={run.url}>{children}</Link> : <>{children}</>);

const attempt = (run: PipelineRunLink) =>
  run.runAttempt > 1 ? ` (attempt ${run.runAttempt})` : '';

const Section = ({
  title,
  empty,
  children,
}: {
  title: string;
  empty: string;
  children: ReactNode[];
}) => {
  const classes = useStyles();
  return (
    <section className={classes.section} aria-label={title}>
      <Typography variant="subtitle2" component="h3">
        {title}
      </Typography>
      {children.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {empty}
        </Typography>
      ) : (
        <List dense disablePadding>
          {children}
        </List>
      )}
    </section>
  );
};

/** The numbers and lists of a scope's CI health. */
export const PipelineHealthView = ({ health }: { health: PipelineHealth }) => {
  const classes = useStyles();
  return (
    <>
      <Typography variant="body1">{pipelineHealthSummary(health)}</Typography>
      {health.suites.length > 0 && (
        <div className={classes.suites} aria-label="Tests by suite">
          {health.suites.map(suite => {
            const ran = suite.passed + suite.failed;
            return (
              <Chip
                key={suite.suite}
                size="small"
                variant="outlined"
                label={`${suite.suite}: ${
                  ran ? percent(suite.passed / ran) : '–'
                } passed, ${suite.failed} failed, ${suite.skipped} skipped`}
              />
            );
          })}
        </div>
      )}
      <Section
        title="Workflows failing now"
        empty="None: the latest run of every workflow on the default branch succeeded."
      >
        {health.failingWorkflows.map(failing => (
          <ListItem key={failing.run.id} disableGutters>
            <ListItemText
              primary={
                <RunLink run={failing.run}>
                  {componentName(failing.entityRef)}: {failing.workflow}
                </RunLink>
              }
              secondary={`${failing.run.conclusion ?? 'failed'} on ${
                failing.branch ?? 'the default branch'
              }${attempt(failing.run)}`}
            />
          </ListItem>
        ))}
      </Section>
      <Section title="Failing tests" empty="None.">
        {health.failingTests.map(test => (
          <ListItem
            key={`${test.run.id} ${test.suite} ${test.name}`}
            disableGutters
          >
            <ListItemText
              primary={test.name}
              secondary={
                <>
                  {componentName(test.entityRef)}, {test.suite} tests; failed in{' '}
                  {test.failures} run{test.failures === 1 ? '' : 's'}, lately in{' '}
                  <RunLink run={test.run}>this run</RunLink>
                </>
              }
            />
          </ListItem>
        ))}
      </Section>
      <Section
        title="Flaky tests"
        empty="None: no test failed and then passed on a re-run of the same commit."
      >
        {health.flakyTests.map(test => (
          <ListItem
            key={`${test.failedRun.id} ${test.suite} ${test.name}`}
            disableGutters
          >
            <ListItemText
              primary={test.name}
              secondary={
                <>
                  {componentName(test.entityRef)}, {test.suite} tests:{' '}
                  <RunLink run={test.failedRun}>
                    failed{attempt(test.failedRun)}
                  </RunLink>
                  , then{' '}
                  <RunLink run={test.passedRun}>
                    passed{attempt(test.passedRun)}
                  </RunLink>
                </>
              }
            />
          </ListItem>
        ))}
      </Section>
    </>
  );
};

/**
 * CI health of a domain, a group or (without `entityRef`) the whole portal
 * over the last 30 days, read from the delivery backend's pipeline runs.
 */
export const PipelineHealthCard = ({
  entityRef,
  scope,
}: {
  entityRef?: string;
  /** Whose pipelines, in words, e.g. `the components of smart-city`. */
  scope: string;
}) => {
  const api = useApi(deliveryApiRef);
  const { value, loading, error } = useAsync(
    async () => api.getPipelineHealth?.(entityRef),
    [api, entityRef],
  );
  let body: ReactNode;
  if (error) {
    body = (
      <ResponseErrorPanel
        title="Could not load the pipeline health"
        error={error}
      />
    );
  } else if (loading) {
    body = <Progress />;
  } else if (!value) {
    body = (
      <Typography variant="body2" color="textSecondary">
        This portal's delivery backend does not report pipeline runs.
      </Typography>
    );
  } else {
    body = <PipelineHealthView health={value} />;
  }
  return (
    <InfoCard
      title="Pipelines and tests, last 30 days"
      titleTypographyProps={{ component: 'h2' }}
      subheader={`CI runs of ${scope}`}
    >
      {body}
    </InfoCard>
  );
};
