import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import {
  DoraTier,
  DoraTiers,
  PipelineHealth,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { NotYetAvailable } from '../NotYetAvailable';
import { pipelineHealthSummary } from '../../pipelines/pipelineHealthSummary';

/** The health indicators; each `undefined` until the delivery backend has answered with it. */
export interface HealthIndicatorValues {
  openIncidents?: number;
  pendingApprovals?: number;
  doraTiers?: DoraTiers;
  pipelines?: PipelineHealth;
}

const TIER_NAMES: Array<[keyof DoraTiers, string]> = [
  ['deploymentFrequency', 'Deployment frequency'],
  ['leadTime', 'Lead time'],
  ['changeFailureRate', 'Change failure rate'],
  ['recovery', 'Recovery'],
];

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    // minmax(0, …) lets the tiers wrap inside a narrow card instead of
    // widening the column past the card's edge.
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: 0,
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0 },
  },
  tiers: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
  tier: {
    maxWidth: '100%',
    height: 'auto',
    '& .MuiChip-label': { whiteSpace: 'normal' },
  },
}));

const tierLabel = (name: string, tier: DoraTier | null) =>
  `${name}: ${tier ?? 'not rated'}`;

/**
 * Open incidents, pending approvals, DORA tiers and CI health; each shows a dash saying
 * what will appear there while it is loading or could not be read.
 */
export const HealthIndicators = ({
  values,
}: {
  values: HealthIndicatorValues;
}) => {
  const classes = useStyles();
  return (
    <dl className={classes.list}>
      <dt>Open incidents</dt>
      <dd>
        {values.openIncidents ?? (
          <NotYetAvailable explanation="The number of open incidents appears here once the delivery backend answers with it." />
        )}
      </dd>
      <dt>Pending approvals</dt>
      <dd>
        {values.pendingApprovals ?? (
          <NotYetAvailable explanation="The number of promotions waiting for approval appears here once the delivery backend answers with it." />
        )}
      </dd>
      <dt>DORA tiers, last 30 days</dt>
      <dd>
        {values.doraTiers ? (
          <span className={classes.tiers}>
            {TIER_NAMES.map(([key, name]) => (
              <Chip
                key={key}
                size="small"
                variant="outlined"
                className={classes.tier}
                label={tierLabel(name, values.doraTiers![key])}
              />
            ))}
          </span>
        ) : (
          <NotYetAvailable explanation="The DORA tiers (deployment frequency, lead time, change failure rate, recovery) of the last 30 days appear here once the delivery backend answers with them." />
        )}
      </dd>
      <dt>CI, last 30 days</dt>
      <dd>
        {values.pipelines ? (
          pipelineHealthSummary(values.pipelines)
        ) : (
          <NotYetAvailable explanation="The CI success rate, median run duration and failing workflows of the last 30 days appear here once the delivery backend answers with them." />
        )}
      </dd>
    </dl>
  );
};
