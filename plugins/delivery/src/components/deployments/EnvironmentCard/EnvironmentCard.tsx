import { InfoCard, Link } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  EnvironmentStatus,
  PromotionPolicy,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { ReactNode } from 'react';
import {
  formatDuration,
  secondsBetween,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { ActorLink } from '../../shared/ActorLink';
import { ApplicationStatus, sourceTitle } from '../ApplicationStatus';
import { shortSha } from '../CommitList';
import { NextEnvironmentGap } from '../NextEnvironmentGap';
import { RelativeTime } from '../../shared/RelativeTime';
import { VerificationStatus } from '../VerificationStatus';

/** Describes how a version gets into an environment, from its promotion policy. */
export function describePolicy(policy: PromotionPolicy | undefined): string {
  if (!policy?.promotedFrom) {
    return 'Deployed directly by the pipeline';
  }
  const approvals = policy.requiredApprovals ?? 0;
  const approval =
    approvals > 0
      ? `, ${approvals} approval${approvals > 1 ? 's' : ''} required`
      : '';
  const verified = policy.requireVerifiedSource
    ? `, once verified in ${policy.promotedFrom}`
    : '';
  return `Promoted from ${policy.promotedFrom}${verified}${approval}`;
}

/** The environment a version goes to next, as far as soaking is concerned. */
export interface NextEnvironmentPolicy {
  title: string;
  /** How long a version must run here before it may be promoted there. */
  minimumSoakSeconds: number;
}

const useStyles = makeStyles(theme => ({
  version: { fontFamily: 'monospace', fontWeight: 600 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: theme.spacing(1, 0),
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0 },
  },
  sha: { fontFamily: 'monospace' },
  divider: { margin: theme.spacing(1.5, 0) },
  actions: { marginTop: theme.spacing(2) },
}));

function soakText(
  soakedSeconds: number,
  next: NextEnvironmentPolicy | undefined,
): string | undefined {
  if (!next || next.minimumSoakSeconds <= 0) {
    return undefined;
  }
  const minimum = formatDuration(next.minimumSoakSeconds);
  if (soakedSeconds >= next.minimumSoakSeconds) {
    return `Soaked long enough for ${next.title} (minimum ${minimum})`;
  }
  return `${formatDuration(
    next.minimumSoakSeconds - soakedSeconds,
  )} more before it may go to ${next.title} (minimum ${minimum})`;
}

/** One environment of a component: what runs there, since when, and what the next one lacks. */
export const EnvironmentCard = ({
  status,
  policy,
  nextEnvironment,
  actions,
  entityRef,
}: {
  status: EnvironmentStatus;
  /** The entity, for links to the commits in its repository. */
  entityRef?: string;
  policy?: PromotionPolicy;
  nextEnvironment?: NextEnvironmentPolicy;
  /** What may be done about the environment, e.g. promote or roll back. */
  actions?: ReactNode;
}) => {
  const classes = useStyles();
  const { environment, current, next, application } = status;
  const soaked = current ? secondsBetween(current.since, new Date()) : 0;
  const soak = current && soakText(soaked, nextEnvironment);
  const deployment = current?.deployment;

  return (
    <InfoCard
      title={environment.title}
      titleTypographyProps={{ component: 'h2' }}
      subheader={describePolicy(policy)}
      action={
        environment.production ? (
          <Chip label="production" color="primary" size="small" />
        ) : undefined
      }
    >
      {current && deployment ? (
        <>
          <Typography variant="h5" component="p" className={classes.version}>
            {current.version}
          </Typography>
          <dl className={classes.facts}>
            <dt>Deployed</dt>
            <dd>
              <RelativeTime
                value={deployment.finishedAt ?? deployment.startedAt}
              />{' '}
              by <ActorLink actor={deployment.actor} /> ({deployment.trigger})
            </dd>
            <dt>Commit</dt>
            <dd>
              <code className={classes.sha} title={deployment.commitSha}>
                {shortSha(deployment.commitSha)}
              </code>
            </dd>
            <dt>Running for</dt>
            <dd>
              {formatDuration(soaked)}, since{' '}
              <RelativeTime value={current.since} />
            </dd>
            {soak && (
              <>
                <dt>Soak</dt>
                <dd>{soak}</dd>
              </>
            )}
            {deployment.verification && (
              <>
                <dt>Verification</dt>
                <dd>
                  <VerificationStatus
                    verification={deployment.verification}
                    showChecks
                  />
                </dd>
              </>
            )}
          </dl>
          {deployment.url && (
            <Link
              to={deployment.url}
              aria-label={`View the run that deployed ${current.version} to ${environment.name}`}
            >
              View run
            </Link>
          )}
        </>
      ) : (
        <Typography variant="body2" color="textSecondary">
          No deployment reported to {environment.name} yet.
        </Typography>
      )}
      {application && (
        <dl className={classes.facts}>
          <dt>{sourceTitle(application.source)}</dt>
          <dd>
            <ApplicationStatus application={application} />
          </dd>
        </dl>
      )}
      {next && (next.missing.versions.length > 0 || next.version) && (
        <>
          <Divider className={classes.divider} />
          <NextEnvironmentGap
            next={next}
            entityRef={entityRef}
            nextTitle={nextEnvironment?.title ?? next.environment}
          />
        </>
      )}
      {actions && <div className={classes.actions}>{actions}</div>}
    </InfoCard>
  );
};
