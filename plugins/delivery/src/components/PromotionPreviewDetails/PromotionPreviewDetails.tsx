import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { PromotionPreview } from '@internal/backstage-plugin-delivery-common';
import { CommitList } from '../CommitList';
import { ValuesDiff } from '../ValuesDiff';

/** A change failure rate as a person reads it, e.g. `12 %`; `unknown` without one. */
export function formatChangeFailureRate(rate: number | null): string {
  return rate === null ? 'unknown' : `${Math.round(rate * 100)} %`;
}

const useStyles = makeStyles((theme: Theme) => ({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: theme.spacing(0, 0, 2),
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0 },
  },
  version: { fontFamily: 'monospace', fontWeight: 600 },
  heading: { marginTop: theme.spacing(2) },
}));

/**
 * What a promotion changes, from `POST /promotions/preview`: the version
 * change, the target environment's change failure rate, the commits it brings
 * and the files it changes in the GitOps repository.
 */
export const PromotionPreviewDetails = ({
  preview,
}: {
  preview: PromotionPreview;
}) => {
  const classes = useStyles();
  const { commits, change } = preview;
  return (
    <>
      <dl className={classes.facts}>
        <dt>Version</dt>
        <dd>
          <span className={classes.version}>
            {preview.currentVersion ?? 'nothing'}
          </span>{' '}
          → <span className={classes.version}>{preview.version}</span>
        </dd>
        {preview.sourceEnvironment && (
          <>
            <dt>Promoted from</dt>
            <dd>{preview.sourceEnvironment}</dd>
          </>
        )}
        <dt>Change failure rate of {preview.environment}</dt>
        <dd>{formatChangeFailureRate(preview.changeFailureRate)}</dd>
      </dl>

      <Typography variant="subtitle2" component="h4">
        {commits.length === 1 ? '1 commit' : `${commits.length} commits`} it
        brings
      </Typography>
      {commits.length > 0 ? (
        <CommitList
          commits={commits}
          label={`Commits ${preview.version} brings to ${preview.environment}`}
        />
      ) : (
        <Typography variant="body2" color="textSecondary">
          None known: the version brings no commit that has not run in{' '}
          {preview.environment} before.
        </Typography>
      )}

      <Typography
        variant="subtitle2"
        component="h4"
        className={classes.heading}
      >
        What changes in the GitOps repository
      </Typography>
      {change ? (
        <>
          <Typography variant="body2" color="textSecondary" gutterBottom>
            {change.description}
          </Typography>
          <ValuesDiff files={change.files} />
        </>
      ) : (
        <Typography variant="body2" color="textSecondary">
          No executor is installed for {preview.environment}, so nothing is
          known about what the promotion will change.
        </Typography>
      )}
    </>
  );
};
