import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import HourglassEmpty from '@material-ui/icons/HourglassEmpty';
import { NextEnvironmentStatus } from '@domain-delivery/backstage-plugin-delivery-common';
import { useState } from 'react';
import { CommitList } from '../CommitList';

const useStyles = makeStyles(theme => ({
  line: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  behind: { color: theme.palette.warning.dark },
  inSync: { color: theme.palette.success.dark },
}));

const plural = (count: number, word: string) =>
  `${count} ${word}${count === 1 ? '' : 's'}`;

/** What the next environment in the promotion chain is missing, with its commits on request. */
export const NextEnvironmentGap = ({
  next,
  nextTitle,
  entityRef,
}: {
  next: NextEnvironmentStatus;
  /** The next environment's title, e.g. `Production`. */
  nextTitle: string;
  /** The entity, for links to the commits in its repository. */
  entityRef?: string;
}) => {
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const { versions, commits } = next.missing;
  const listId = `commits-waiting-for-${next.environment}`;

  if (versions.length === 0) {
    if (!next.version) {
      return null;
    }
    return (
      <Typography
        variant="body2"
        className={`${classes.line} ${classes.inSync}`}
      >
        <CheckCircleOutline fontSize="small" aria-hidden />
        {nextTitle} runs the same version
      </Typography>
    );
  }

  return (
    <>
      <Typography
        variant="body2"
        className={`${classes.line} ${classes.behind}`}
      >
        <HourglassEmpty fontSize="small" aria-hidden />
        {next.version
          ? `${nextTitle} is ${plural(versions.length, 'version')} behind: `
          : `Not in ${nextTitle} yet: `}
        {versions.map(v => v.version).join(', ')}
      </Typography>
      {commits.length > 0 && (
        <>
          <Button
            size="small"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide' : 'Show'} {plural(commits.length, 'commit')} waiting
            for {nextTitle}
          </Button>
          {open && (
            <div id={listId}>
              <CommitList
                commits={commits}
                entityRef={entityRef}
                label={`Commits waiting for ${nextTitle}`}
              />
            </div>
          )}
        </>
      )}
    </>
  );
};
