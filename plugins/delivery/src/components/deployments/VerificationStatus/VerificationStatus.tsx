import {
  StatusError,
  StatusOK,
  StatusRunning,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  DeploymentVerification,
  VerificationCheck,
} from '@domain-delivery/backstage-plugin-delivery-common';

const KINDS: Record<VerificationCheck['kind'], string> = {
  http: 'HTTP',
  argocd: 'Argo CD',
  prometheus: 'Prometheus',
};

const STATES: Record<VerificationCheck['state'], string> = {
  running: 'checking',
  passed: 'passed',
  failed: 'failed',
};

const useStyles = makeStyles(theme => ({
  reason: { display: 'block', color: theme.palette.error.main },
  checks: {
    margin: theme.spacing(0.5, 0, 0),
    paddingLeft: theme.spacing(2),
    color: theme.palette.text.secondary,
    fontSize: theme.typography.body2.fontSize,
  },
  target: { fontFamily: 'monospace', wordBreak: 'break-all' },
}));

/** One check in words, e.g. `HTTP https://… passed (2 of 2 answers in a row)`. */
export function describeCheck(check: VerificationCheck): string {
  const detail =
    check.state === 'passed' ? check.progress : check.reason ?? check.progress;
  return `${KINDS[check.kind] ?? check.kind} ${STATES[check.state]}${
    detail ? ` (${detail})` : ''
  }`;
}

function StateLabel({
  verification,
}: {
  verification: DeploymentVerification;
}) {
  switch (verification.state) {
    case 'passed':
      return <StatusOK>Verified</StatusOK>;
    case 'failed':
      return <StatusError>Verification failed</StatusError>;
    default:
      return <StatusRunning>Verifying</StatusRunning>;
  }
}

/**
 * How a deployment's verification went: a word with a coloured dot, the
 * reason when it failed, and with `showChecks` each check's state.
 */
export const VerificationStatus = ({
  verification,
  showChecks = false,
}: {
  verification?: DeploymentVerification;
  showChecks?: boolean;
}) => {
  const classes = useStyles();
  if (!verification) {
    return null;
  }
  return (
    <>
      <StateLabel verification={verification} />
      {verification.state === 'failed' && verification.reason && (
        <Typography variant="caption" className={classes.reason}>
          {verification.reason}
          {verification.rollbackPromotionId &&
            '; an automatic rollback was requested'}
        </Typography>
      )}
      {showChecks && verification.checks.length > 0 && (
        <ul className={classes.checks} aria-label="Verification checks">
          {verification.checks.map(check => (
            <li key={check.kind}>
              {describeCheck(check)}
              {check.target && (
                <>
                  {' '}
                  <span className={classes.target}>{check.target}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
