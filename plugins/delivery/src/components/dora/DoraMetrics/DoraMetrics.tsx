import { makeStyles } from '@material-ui/core/styles';
import {
  DoraSummary,
  DoraTiers,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { countOf, formatDeploymentFrequency, formatShare } from '../formatDora';
import { formatDuration } from '@domain-delivery/backstage-plugin-delivery-common';
import { DoraMetricTile } from './DoraMetricTile';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))',
    gap: theme.spacing(2),
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
}));

const durationOrNull = (seconds: number | null) =>
  seconds === null ? null : formatDuration(seconds);
const shareOrNull = (ratio: number | null) =>
  ratio === null ? null : formatShare(ratio);

function recoveryDetail(summary: DoraSummary): string {
  const { failedDeployments, openFailures } = summary;
  if (failedDeployments === 0) {
    return 'No failed deployment to recover from';
  }
  // Still-open failures have no recovery time yet, so they are counted apart.
  const open = `${countOf(openFailures, 'failure')} not recovered yet`;
  const recovered = failedDeployments - openFailures;
  if (recovered === 0) {
    return open;
  }
  const median = `Median of ${countOf(recovered, 'recovered failure')}`;
  return openFailures > 0 ? `${median}; ${open}` : median;
}

/** The five DORA metrics of a summary, each with its tier and its meaning on hover or focus. */
export const DoraMetrics = ({
  summary,
  tiers,
}: {
  summary: DoraSummary;
  tiers: DoraTiers;
}) => {
  const classes = useStyles();
  const reworked =
    summary.reworkRate === null
      ? 0
      : Math.round(summary.reworkRate * summary.deployments);
  return (
    <ul className={classes.list} aria-label="DORA metrics">
      <DoraMetricTile
        metric="deploymentFrequency"
        value={formatDeploymentFrequency(summary.deploymentFrequencyPerDay)}
        detail={`${countOf(summary.deployments, 'deployment')} to production`}
        tier={tiers.deploymentFrequency}
      />
      <DoraMetricTile
        metric="leadTime"
        value={durationOrNull(summary.leadTimeMedianSeconds)}
        detail={
          summary.leadTimeP90Seconds === null
            ? 'No commit reached production in this period'
            : `Median of ${countOf(
                summary.leadTimeCommits,
                'commit',
              )}; 90th percentile ${formatDuration(summary.leadTimeP90Seconds)}`
        }
        tier={tiers.leadTime}
      />
      <DoraMetricTile
        metric="changeFailureRate"
        value={shareOrNull(summary.changeFailureRate)}
        detail={`${summary.failedDeployments} of ${countOf(
          summary.deployments,
          'deployment',
        )} failed`}
        tier={tiers.changeFailureRate}
      />
      <DoraMetricTile
        metric="recovery"
        value={durationOrNull(summary.recoveryMedianSeconds)}
        detail={recoveryDetail(summary)}
        tier={tiers.recovery}
      />
      <DoraMetricTile
        metric="reworkRate"
        value={shareOrNull(summary.reworkRate)}
        detail={countOf(
          reworked,
          'rollback or hotfix',
          'rollbacks or hotfixes',
        )}
      />
    </ul>
  );
};
