import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useState } from 'react';
import { DORA_WINDOWS, DoraWindowDays } from '../../../dora/doraWindow';
import { formatPeriod } from '../formatDora';
import { DoraMetrics } from '../DoraMetrics';
import { DoraTrendChart } from '../DoraTrendChart';
import { DoraSpread } from '../DoraSpread';
import { LoadingState } from '../../shared/LoadingState';
import { DoraWindowSelector } from './DoraWindowSelector';
import { useDora } from './useDora';

const useStyles = makeStyles(theme => ({
  chart: { marginTop: theme.spacing(3) },
  spread: { marginTop: theme.spacing(3) },
  retry: { marginTop: theme.spacing(1) },
}));

/**
 * DORA's five metrics of a scope, with their tiers and a trend chart, over a
 * window the reader chooses (and, for a domain, a team or the portal, how
 * its components spread over the tiers); says so while loading, when nothing was deployed
 * to production in the window, and when the backend refused.
 */
export const DoraSection = ({
  entityRef,
  title = 'DORA metrics',
  scope,
  windowDays = DORA_WINDOWS[0].days,
}: {
  /** A component, a `domain:` or a `group:` ref; the whole portal when absent. */
  entityRef?: string;
  title?: string;
  /** What the numbers cover, in words: `payments-api`, `the components of Journey`. */
  scope: string;
  /** The window it opens with; the reader can still choose another. */
  windowDays?: DoraWindowDays;
}) => {
  const classes = useStyles();
  const [days, setDays] = useState<DoraWindowDays>(windowDays);
  const doraWindow =
    DORA_WINDOWS.find(option => option.days === days) ?? DORA_WINDOWS[0];
  const { query, loading, error, value, retry } = useDora(
    entityRef,
    doraWindow,
  );

  let body;
  if (loading) {
    body = <LoadingState message={`Loading the DORA metrics of ${scope}…`} />;
  } else if (error) {
    body = (
      <>
        <ResponseErrorPanel
          title={`Could not load the DORA metrics of ${scope}`}
          error={error}
        />
        <Button className={classes.retry} variant="outlined" onClick={retry}>
          Try again
        </Button>
      </>
    );
  } else if (!value || value.summary.deployments === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No production deployment of {scope} finished in this period, so there is
        nothing to measure yet. DORA counts succeeded deployments to production
        environments only; its numbers appear with the first one.
      </Typography>
    );
  } else {
    body = (
      <>
        <DoraMetrics summary={value.summary} tiers={value.tiers} />
        <div className={classes.chart}>
          <DoraTrendChart series={value.series} bucket={doraWindow.bucket} />
        </div>
      </>
    );
  }

  // A roll-up also shows how its components spread over the tiers, even
  // when none deployed: then they are all low in frequency.
  const spread = !loading &&
    !error &&
    value?.distribution &&
    value.lowestTiers && (
      <div className={classes.spread}>
        <DoraSpread
          distribution={value.distribution}
          lowestTiers={value.lowestTiers}
        />
      </div>
    );

  return (
    <InfoCard
      title={title}
      titleTypographyProps={{ component: 'h2' }}
      subheader={`${doraWindow.label}: ${formatPeriod(
        query.from,
        query.to,
        query.timeZone,
      )}`}
      action={<DoraWindowSelector days={days} onChange={setDays} />}
    >
      {body}
      {spread}
    </InfoCard>
  );
};
