import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { DeploymentCommit } from '@domain-delivery/backstage-plugin-delivery-common';
import { RelativeTime } from '../../shared/RelativeTime';

/**
 * A commit as the views show it. The event API has no author or message yet;
 * when the backend adds them, they are shown.
 */
export type CommitSummary = DeploymentCommit & {
  author?: string;
  message?: string;
};

const useStyles = makeStyles(theme => ({
  sha: {
    fontFamily: 'monospace',
    marginRight: theme.spacing(1),
  },
}));

/** The first seven characters of a commit SHA, as git shows it. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** A list of commits: short SHA, when it was made, and author and message when known. */
export const CommitList = ({
  commits,
  label,
}: {
  commits: CommitSummary[];
  /** What the list is, for assistive technology, e.g. "Commits waiting for prod". */
  label: string;
}) => {
  const classes = useStyles();
  return (
    <List dense aria-label={label} disablePadding>
      {commits.map(commit => (
        <ListItem key={commit.sha} disableGutters>
          <ListItemText
            primary={
              <>
                <Typography
                  component="code"
                  variant="body2"
                  className={classes.sha}
                  title={commit.sha}
                >
                  {shortSha(commit.sha)}
                </Typography>
                {commit.message && (
                  <Typography component="span" variant="body2">
                    {commit.message.split('\n')[0]}
                  </Typography>
                )}
              </>
            }
            secondary={
              <>
                {commit.author && <>{commit.author}, </>}
                committed <RelativeTime value={commit.committedAt} />
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
};
