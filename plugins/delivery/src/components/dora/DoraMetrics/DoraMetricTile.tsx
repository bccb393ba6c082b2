import ButtonBase from '@material-ui/core/ButtonBase';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';
import {
  DORA_METRIC_EXPLANATIONS,
  DoraMetric,
  DoraTier,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { useState } from 'react';
import { DoraTierChip } from './DoraTierChip';

const useStyles = makeStyles(theme => ({
  tile: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    padding: theme.spacing(1.5),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  name: {
    gap: theme.spacing(0.5),
    font: 'inherit',
    cursor: 'help',
  },
  focusVisible: {
    outline: `2px solid ${theme.palette.primary.main}`,
    outlineOffset: 2,
  },
  value: { fontWeight: 600 },
  tooltipPart: { display: 'block', marginTop: theme.spacing(0.5) },
}));

/** What a metric means, as DORA_METRIC_EXPLANATIONS words it. */
const Explanation = ({ metric }: { metric: DoraMetric }) => {
  const classes = useStyles();
  const { title, description, tiers } = DORA_METRIC_EXPLANATIONS[metric];
  return (
    <>
      <strong>{title}</strong>
      <span className={classes.tooltipPart}>{description}</span>
      {tiers && <span className={classes.tooltipPart}>{tiers}</span>}
    </>
  );
};

/**
 * One DORA metric: its name (hover or focus it for what it means), its value
 * or `no data`, a line of detail, and its tier.
 */
export const DoraMetricTile = ({
  metric,
  value,
  detail,
  tier,
}: {
  metric: DoraMetric;
  /** The formatted value; `null` when there is nothing to measure. */
  value: string | null;
  detail: string;
  /** The metric's tier; `undefined` for a metric DORA publishes no tiers for. */
  tier?: DoraTier | null;
}) => {
  const classes = useStyles();
  const { title } = DORA_METRIC_EXPLANATIONS[metric];
  // Opened on any focus, not only on what the browser deems keyboard focus,
  // and closed with Escape, so that everyone who reaches the name gets the
  // explanation and can dismiss it.
  const [explained, setExplained] = useState(false);
  return (
    <li className={classes.tile} aria-label={title}>
      <Typography variant="subtitle2" component="h3">
        <Tooltip
          title={<Explanation metric={metric} />}
          arrow
          open={explained}
          onOpen={() => setExplained(true)}
          onClose={() => setExplained(false)}
          disableFocusListener
        >
          {/* A button, so keyboard users reach it too. */}
          <ButtonBase
            className={classes.name}
            focusVisibleClassName={classes.focusVisible}
            disableRipple
            onFocus={() => setExplained(true)}
            onBlur={() => setExplained(false)}
            onClick={() => setExplained(true)}
            onKeyDown={event => {
              if (event.key === 'Escape') setExplained(false);
            }}
          >
            {title}
            <InfoOutlinedIcon fontSize="inherit" aria-hidden />
          </ButtonBase>
        </Tooltip>
      </Typography>
      {value === null ? (
        <Typography variant="h6" component="p" color="textSecondary">
          no data
        </Typography>
      ) : (
        <Typography variant="h6" component="p" className={classes.value}>
          {value}
        </Typography>
      )}
      <Typography variant="body2" color="textSecondary">
        {detail}
      </Typography>
      <div>
        {tier === undefined ? (
          <Typography variant="caption" color="textSecondary">
            DORA publishes no tiers for it
          </Typography>
        ) : (
          <DoraTierChip tier={tier} />
        )}
      </div>
    </li>
  );
};
