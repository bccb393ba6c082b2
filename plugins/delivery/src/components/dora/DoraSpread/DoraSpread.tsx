import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import {
  DORA_METRIC_EXPLANATIONS,
  DoraDistribution,
  DoraLowestTiers,
  DoraTier,
  DoraTierCounts,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { Fragment } from 'react';
import { countOf } from '../formatDora';
import { TIER_LABELS, tierColor } from '../doraTierStyle';

const METRICS = [
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'recovery',
] as const;

// Best first, then those without a tier.
const SEGMENTS: Array<DoraTier | 'none'> = [
  'elite',
  'high',
  'medium',
  'low',
  'none',
];

const segmentLabel = (segment: DoraTier | 'none') =>
  segment === 'none' ? 'Not rated' : TIER_LABELS[segment];

const useStyles = makeStyles(theme => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: theme.spacing(2),
  },
  bar: {
    display: 'flex',
    height: theme.spacing(3),
    borderRadius: theme.shape.borderRadius,
    overflow: 'hidden',
    margin: theme.spacing(0.5, 0),
  },
  segment: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    minWidth: theme.spacing(3),
    fontSize: theme.typography.caption.fontSize,
    fontWeight: 600,
  },
  legend: { color: theme.palette.text.secondary },
}));

const useSegmentStyles = makeStyles<
  Theme,
  { segment: DoraTier | 'none'; count: number }
>(theme => ({
  fill: ({ segment, count }) => {
    const color = tierColor(theme, segment === 'none' ? null : segment);
    return {
      flexGrow: count,
      backgroundColor: color,
      color: theme.palette.getContrastText(color),
    };
  },
}));

const Segment = ({
  segment,
  count,
}: {
  segment: DoraTier | 'none';
  count: number;
}) => {
  const classes = useStyles();
  const fill = useSegmentStyles({ segment, count });
  return (
    <span
      className={`${classes.segment} ${fill.fill}`}
      title={`${segmentLabel(segment)}: ${countOf(count, 'component')}`}
    >
      {count}
    </span>
  );
};

/** One metric's stacked bar, its counts in words, and its lowest tier's components. */
const MetricSpread = ({
  metric,
  counts,
  lowest,
}: {
  metric: (typeof METRICS)[number];
  counts: DoraTierCounts;
  lowest: DoraLowestTiers[(typeof METRICS)[number]];
}) => {
  const classes = useStyles();
  const { title } = DORA_METRIC_EXPLANATIONS[metric];
  const present = SEGMENTS.filter(segment => counts[segment] > 0);
  const inWords = present
    .map(segment => `${segmentLabel(segment)} ${counts[segment]}`)
    .join(', ');
  return (
    <li aria-label={`${title} across components`}>
      <Typography variant="subtitle2" component="h3">
        {title}
      </Typography>
      <div className={classes.bar} role="img" aria-label={inWords}>
        {present.map(segment => (
          <Segment key={segment} segment={segment} count={counts[segment]} />
        ))}
      </div>
      <Typography variant="caption" className={classes.legend} component="p">
        {inWords}
      </Typography>
      {lowest && (
        <Typography variant="body2">
          Lowest tier ({TIER_LABELS[lowest.tier]}):{' '}
          {lowest.entityRefs.map((entityRef, index) => (
            <Fragment key={entityRef}>
              {index > 0 && ', '}
              <EntityRefLink entityRef={entityRef} hideIcon />
            </Fragment>
          ))}
        </Typography>
      )}
    </li>
  );
};

/**
 * The spread behind a roll-up: for each key metric, how many of the scope's
 * delivered components are elite, high, medium, low or not rated, as a
 * stacked bar, and which components are in the lowest tier, linked, so a
 * good pooled number cannot hide them.
 */
export const DoraSpread = ({
  distribution,
  lowestTiers,
}: {
  distribution: DoraDistribution;
  lowestTiers: DoraLowestTiers;
}) => {
  const classes = useStyles();
  const members = SEGMENTS.reduce(
    (sum, segment) => sum + distribution.deploymentFrequency[segment],
    0,
  );
  if (members === 0) {
    return null;
  }
  return (
    <section aria-label="Components by tier">
      <Typography variant="h6" component="h3" gutterBottom>
        {countOf(members, 'component')} by tier
      </Typography>
      <ul className={classes.list}>
        {METRICS.map(metric => (
          <MetricSpread
            key={metric}
            metric={metric}
            counts={distribution[metric]}
            lowest={lowestTiers[metric]}
          />
        ))}
      </ul>
    </section>
  );
};
