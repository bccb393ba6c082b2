import { parseEntityRef } from '@backstage/catalog-model';
import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { DomainHealth } from '../domainHealth';
import { domainRouteRef } from '../../../routes';
import { HealthIndicators, HealthIndicatorValues } from '../HealthIndicators';
import { RelativeTime } from '../../shared/RelativeTime';
import { visuallyHidden } from '../../shared/visuallyHidden';

const useStyles = makeStyles(theme => ({
  version: { fontFamily: 'monospace', fontWeight: 600 },
  failing: { color: theme.palette.error.main, fontWeight: 600 },
  section: { marginTop: theme.spacing(2) },
  // Environment titles are single words; broken mid-word they read badly.
  environment: { whiteSpace: 'nowrap' },
  productionLabel: { marginLeft: theme.spacing(1) },
  // Names the table for assistive technology; the card title says it on screen.
  caption: visuallyHidden,
}));

/** One domain's health: last deployment per environment, failures, drift, open incidents, approvals and DORA tiers. */
export const DomainHealthCard = ({
  domainRef,
  title,
  health,
  error,
  indicators,
  failuresComplete,
}: {
  domainRef: string;
  title: string;
  health?: DomainHealth;
  /** Why the domain's matrix could not be read. */
  error?: Error;
  indicators: HealthIndicatorValues;
  /** Whether every deployment of the last 24 hours was read. */
  failuresComplete: boolean;
}) => {
  const classes = useStyles();
  const domainLink = useRouteRef(domainRouteRef);
  const { namespace, name } = parseEntityRef(domainRef);

  return (
    <InfoCard
      title={title}
      titleTypographyProps={{ component: 'h2' }}
      subheader={
        health &&
        `${health.components} component${health.components === 1 ? '' : 's'}, ${
          health.drifted
        } with drift`
      }
    >
      {error && (
        <Typography role="alert" color="error" variant="body2">
          Could not load the versions of {title}: {error.message}
        </Typography>
      )}
      {health && (
        <Table size="small">
          <caption className={classes.caption}>
            Last deployment per environment in {title}
          </caption>
          <TableHead>
            <TableRow>
              <TableCell className={classes.environment}>Environment</TableCell>
              <TableCell>Last deployment</TableCell>
              <TableCell>Failing now</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {health.environments.map(({ environment, last, failing }) => (
              <TableRow key={environment.name}>
                <TableCell
                  component="th"
                  scope="row"
                  role="rowheader"
                  className={classes.environment}
                >
                  {environment.title}
                  {environment.production && (
                    <>
                      {' '}
                      <Chip
                        size="small"
                        label="production"
                        color="primary"
                        className={classes.productionLabel}
                      />
                    </>
                  )}
                </TableCell>
                <TableCell>
                  {last ? (
                    <>
                      <span className={classes.version}>{last.version}</span> of{' '}
                      <EntityRefLink entityRef={last.entityRef} hideIcon />,{' '}
                      <RelativeTime value={last.finishedAt} />
                    </>
                  ) : (
                    'none yet'
                  )}
                </TableCell>
                <TableCell className={failing ? classes.failing : undefined}>
                  {failing}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {health && (
        <Typography variant="body2" className={classes.section}>
          Failed deployments in the last 24 hours:{' '}
          <strong className={health.failures ? classes.failing : undefined}>
            {failuresComplete ? '' : 'at least '}
            {health.failures}
          </strong>
        </Typography>
      )}
      <div className={classes.section}>
        <HealthIndicators values={indicators} />
      </div>
      <Typography variant="body2" className={classes.section}>
        <Link to={domainLink({ namespace, name })}>
          Open the delivery of {title}
        </Link>
      </Typography>
    </InfoCard>
  );
};
