import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { DeploymentCommit } from '@domain-delivery/backstage-plugin-delivery-common';
import { RelativeTime } from '../../shared/RelativeTime';
import { useCommitLinks } from './useCommitLinks';

/**
 * A commit as the views show it, with the first line of its message and its
 * author when its reporter gave them.
 */
export type CommitSummary = DeploymentCommit;

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

// The short sha in code type, the full one on hover.
const ShortSha = ({ sha, className }: { sha: string; className: string }) => (
  <Typography
    component="code"
    variant="body2"
    className={className}
    title={sha}
  >
    {shortSha(sha)}
  </Typography>
);

/**
 * A list of commits: short SHA, when it was made, and author and message when
 * known; each links to the commit on GitHub when the entity's
 * `github.com/project-slug` names its repository.
 */
export const CommitList = ({
  commits,
  label,
  entityRef,
}: {
  commits: CommitSummary[];
  /** What the list is, for assistive technology, e.g. "Commits waiting for prod". */
  label: string;
  /** The entity the commits are of, for links to its repository. */
  entityRef?: string;
}) => {
  const classes = useStyles();
  const commitLink = useCommitLinks(entityRef);
  return (
    <List dense aria-label={label} disablePadding>
      {commits.map(commit => (
        <ListItem key={commit.sha} disableGutters>
          <ListItemText
            primary={
              <>
                {/* The link holds the code, so that the code reads just the
                    sha: the link adds "Opens in a new window" for
                    assistive technology. */}
                {commitLink ? (
                  <Link
                    to={commitLink(commit.sha)}
                    aria-label={`Commit ${shortSha(commit.sha)}${
                      commit.message ? `: ${commit.message}` : ''
                    }, on GitHub`}
                  >
                    <ShortSha sha={commit.sha} className={classes.sha} />
                  </Link>
                ) : (
                  <ShortSha sha={commit.sha} className={classes.sha} />
                )}
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
