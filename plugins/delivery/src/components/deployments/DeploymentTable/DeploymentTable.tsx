import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import {
  Deployment,
  EnvironmentSummary,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { deploymentTime } from '../deploymentOrder';
import { ActorLink } from '../../shared/ActorLink';
import { shortSha } from '../CommitList';
import { DeploymentStatusLabel } from '../DeploymentStatusLabel';
import { RelativeTime } from '../../shared/RelativeTime';
import { VerificationStatus } from '../VerificationStatus';
import { visuallyHidden } from '../../shared/visuallyHidden';

const useStyles = makeStyles(theme => ({
  // Names the table for assistive technology; the card title shows it on screen.
  caption: visuallyHidden,
  mono: { fontFamily: 'monospace' },
  row: { '&:last-child td': { borderBottom: 0 } },
  cell: { padding: theme.spacing(1, 2) },
}));

/** A page of deployments as a table, newest first. */
export const DeploymentTable = ({
  deployments,
  environments,
  caption,
  showEntity = false,
}: {
  deployments: Deployment[];
  /** The configured environments, for their titles. */
  environments: EnvironmentSummary[];
  /** What the table lists, e.g. "Deployments of payments-api". */
  caption: string;
  /** Whether to add a column with the deployed component. */
  showEntity?: boolean;
}) => {
  const classes = useStyles();
  const titles = new Map(environments.map(e => [e.name, e.title]));
  return (
    <Table size="small">
      <caption className={classes.caption}>{caption}</caption>
      <TableHead>
        <TableRow>
          <TableCell>When</TableCell>
          {showEntity && <TableCell>Component</TableCell>}
          <TableCell>Environment</TableCell>
          <TableCell>Version</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Trigger</TableCell>
          <TableCell>By</TableCell>
          <TableCell>Commit</TableCell>
          <TableCell>Run</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {deployments.map(deployment => (
          <TableRow key={deployment.id} className={classes.row}>
            <TableCell className={classes.cell}>
              <RelativeTime value={deploymentTime(deployment)} />
            </TableCell>
            {showEntity && (
              <TableCell className={classes.cell}>
                <EntityRefLink
                  entityRef={deployment.entityRef}
                  defaultKind="component"
                  hideIcon
                />
              </TableCell>
            )}
            <TableCell className={classes.cell}>
              {titles.get(deployment.environment) ?? deployment.environment}
            </TableCell>
            <TableCell className={`${classes.cell} ${classes.mono}`}>
              {deployment.version}
            </TableCell>
            <TableCell className={classes.cell}>
              <DeploymentStatusLabel status={deployment.status} />
              {deployment.verification && (
                <div>
                  <VerificationStatus verification={deployment.verification} />
                </div>
              )}
            </TableCell>
            <TableCell className={classes.cell}>{deployment.trigger}</TableCell>
            <TableCell className={classes.cell}>
              <ActorLink actor={deployment.actor} />
            </TableCell>
            <TableCell className={classes.cell}>
              <code className={classes.mono} title={deployment.commitSha}>
                {shortSha(deployment.commitSha)}
              </code>
            </TableCell>
            <TableCell className={classes.cell}>
              {deployment.url ? (
                <Link
                  to={deployment.url}
                  aria-label={`Open the run of ${deployment.version} in ${deployment.environment}`}
                >
                  Open
                </Link>
              ) : (
                '—'
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
