import { makeStyles, useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  DoraBucket,
  DoraBucketSize,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDuration } from '@domain-delivery/backstage-plugin-delivery-common';
import { visuallyHidden } from '../../shared/visuallyHidden';

const HOUR = 3600;
const LEAD_TIME = 'Median lead time';

/** The counts drawn as bars and listed in the table, with the palette colour of each. */
const COUNTS: Array<{
  key: 'deployments' | 'failedDeployments';
  name: string;
  color: 'primary' | 'error';
}> = [
  { key: 'deployments', name: 'Deployments', color: 'primary' },
  { key: 'failedDeployments', name: 'Failed deployments', color: 'error' },
];

const useStyles = makeStyles(theme => ({
  figure: { margin: 0 },
  caption: { marginBottom: theme.spacing(1) },
  // Read by assistive technology; the chart shows the same numbers on screen.
  visuallyHidden,
}));

const dayFormat = new Intl.DateTimeFormat('en', {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** `Mar 29` for a day bucket (`2026-03-29`), `W13` for a week (`2026-W13`). */
function shortLabel(bucket: DoraBucket, size: DoraBucketSize) {
  return size === 'day'
    ? dayFormat.format(new Date(`${bucket.label}T00:00:00Z`))
    : bucket.label.slice(5);
}

/**
 * How DORA moved over the window: production deployments and failed
 * deployments per day or week as bars, the median lead time as a line with
 * gaps where no commit reached production. The same numbers are in a table
 * for screen readers.
 */
export const DoraTrendChart = ({
  series,
  bucket,
  height = 240,
}: {
  series: DoraBucket[];
  bucket: DoraBucketSize;
  height?: number;
}) => {
  const classes = useStyles();
  const theme = useTheme();
  const caption = `Production deployments and median lead time per ${bucket}`;
  const data = series.map(b => ({
    label: shortLabel(b, bucket),
    deployments: b.deployments,
    failedDeployments: b.failedDeployments,
    // null, not 0, so the line breaks where there is nothing to take a median of.
    leadTimeHours:
      b.leadTimeMedianSeconds === null ? null : b.leadTimeMedianSeconds / HOUR,
  }));

  return (
    <figure className={classes.figure} aria-label={caption}>
      <Typography
        component="figcaption"
        variant="subtitle2"
        className={classes.caption}
      >
        {caption}
      </Typography>
      {/* Not animated: the numbers are there at once, and nothing moves for
          people who prefer reduced motion. */}
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={data} accessibilityLayer title={caption}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" minTickGap={12} />
          <YAxis yAxisId="deployments" allowDecimals={false} width={32} />
          <YAxis
            yAxisId="leadTime"
            orientation="right"
            unit=" h"
            width={48}
            allowDecimals={false}
          />
          <Tooltip
            formatter={(value, name) =>
              name === LEAD_TIME && typeof value === 'number'
                ? formatDuration(value * HOUR)
                : value
            }
          />
          <Legend />
          {COUNTS.map(({ key, name, color }) => (
            <Bar
              key={key}
              yAxisId="deployments"
              dataKey={key}
              name={name}
              fill={theme.palette[color].main}
              isAnimationActive={false}
            />
          ))}
          <Line
            yAxisId="leadTime"
            dataKey="leadTimeHours"
            name={LEAD_TIME}
            stroke={theme.palette.secondary.main}
            // Days without a deployment have no median: the line breaks there,
            // and the dots keep a lone day's median visible.
            dot={{ r: 2 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <table className={classes.visuallyHidden}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{bucket === 'day' ? 'Day' : 'Week'}</th>
            {COUNTS.map(({ key, name }) => (
              <th key={key} scope="col">
                {name}
              </th>
            ))}
            <th scope="col">{LEAD_TIME}</th>
          </tr>
        </thead>
        <tbody>
          {series.map(b => (
            <tr key={b.start}>
              <th scope="row">{b.label}</th>
              {COUNTS.map(({ key }) => (
                <td key={key}>{b[key]}</td>
              ))}
              <td>
                {b.leadTimeMedianSeconds === null
                  ? 'no data'
                  : formatDuration(b.leadTimeMedianSeconds)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
};
