import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  DomainMatrix,
  DomainMatrixCell,
  EnvironmentSummary,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { deploymentStatusText } from '../../deployments/DeploymentStatusLabel';
import { RelativeTime } from '../../shared/RelativeTime';

const useStyles = makeStyles(theme => ({
  version: { fontFamily: 'monospace', fontWeight: 600 },
  drift: {
    backgroundColor:
      theme.palette.type === 'dark'
        ? 'rgba(255, 152, 0, 0.16)'
        : 'rgba(255, 152, 0, 0.12)',
    boxShadow: `inset 3px 0 0 ${theme.palette.warning.main}`,
  },
  driftLabel: { color: theme.palette.warning.dark, fontWeight: 600 },
  productionLabel: { marginLeft: theme.spacing(1) },
  detail: { display: 'block' },
  failed: { color: theme.palette.error.main, fontWeight: 600 },
}));

/** A newer deployment than the running one that did not (yet) succeed. */
const LatestAttempt = ({
  latest,
}: {
  latest: NonNullable<DomainMatrixCell['latest']>;
}) => {
  const classes = useStyles();
  return (
    <Typography
      variant="caption"
      className={`${classes.detail} ${
        latest.status === 'failed' ? classes.failed : ''
      }`}
    >
      {latest.version}{' '}
      {deploymentStatusText(latest.status).toLocaleLowerCase('en-US')}
    </Typography>
  );
};

const MatrixCell = ({
  cell,
  previous,
}: {
  cell: DomainMatrixCell | undefined;
  previous: EnvironmentSummary | undefined;
}) => {
  const classes = useStyles();
  if (!cell?.version) {
    return (
      <TableCell>
        <Typography variant="body2" color="textSecondary">
          not deployed
        </Typography>
        {cell?.latest && <LatestAttempt latest={cell.latest} />}
      </TableCell>
    );
  }
  return (
    <TableCell className={cell.drift ? classes.drift : undefined}>
      <span className={classes.version}>{cell.version}</span>
      {cell.drift && (
        <Typography
          variant="caption"
          className={`${classes.detail} ${classes.driftLabel}`}
        >
          {previous ? `differs from ${previous.title}` : 'drift'}
        </Typography>
      )}
      {cell.finishedAt && (
        <Typography
          variant="caption"
          color="textSecondary"
          className={classes.detail}
        >
          <RelativeTime value={cell.finishedAt} />
        </Typography>
      )}
      {cell.latest && cell.latest.status !== 'succeeded' && (
        <LatestAttempt latest={cell.latest} />
      )}
    </TableCell>
  );
};

/**
 * A domain's components × environments: the version each runs where, with
 * drift between environments and failed or running deployments marked.
 */
export const DomainMatrixTable = ({
  matrix,
  environments = matrix.environments,
  caption,
}: {
  matrix: DomainMatrix;
  /** The environments to show as columns, in promotion order; all by default. */
  environments?: EnvironmentSummary[];
  caption: string;
}) => {
  const classes = useStyles();
  return (
    <Table size="small">
      <caption>{caption}</caption>
      <TableHead>
        <TableRow>
          <TableCell>Component</TableCell>
          {environments.map(environment => (
            <TableCell key={environment.name}>
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
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {matrix.rows.map(row => {
          const cells = new Map(
            row.cells.map(cell => [cell.environment, cell]),
          );
          return (
            <TableRow key={row.entityRef}>
              <TableCell component="th" scope="row" role="rowheader">
                <EntityRefLink
                  entityRef={row.entityRef}
                  defaultKind="component"
                  hideIcon
                />
                {row.drift && (
                  <Chip
                    size="small"
                    label="drift"
                    variant="outlined"
                    className={classes.driftLabel}
                    style={{ marginLeft: 8 }}
                  />
                )}
              </TableCell>
              {environments.map(environment => {
                const index = matrix.environments.findIndex(
                  e => e.name === environment.name,
                );
                // Compared with where it is promoted from (each production
                // region with its own source), else the nearest earlier one.
                const source = matrix.environments.find(
                  e =>
                    e.name === environment.promotedFrom &&
                    cells.get(e.name)?.version,
                );
                const previous =
                  source ??
                  matrix.environments
                    .slice(0, Math.max(index, 0))
                    .reverse()
                    .find(e => cells.get(e.name)?.version);
                return (
                  <MatrixCell
                    key={environment.name}
                    cell={cells.get(environment.name)}
                    previous={previous}
                  />
                );
              })}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
