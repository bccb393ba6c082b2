import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { PromotionFileChange } from '@domain-delivery/backstage-plugin-delivery-common';

type LineKind = 'added' | 'removed' | 'hunk' | 'context';

function lineKind(line: string): LineKind {
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('+')) return 'added';
  if (line.startsWith('-')) return 'removed';
  return 'context';
}

/** The diff's lines below its `---`/`+++` header, which only repeats the path. */
function diffLines(diff: string): string[] {
  const lines = diff.replace(/\n$/, '').split('\n');
  return lines.filter(
    line => !line.startsWith('--- ') && !line.startsWith('+++ '),
  );
}

const useStyles = makeStyles((theme: Theme) => ({
  file: { margin: theme.spacing(0, 0, 2) },
  diff: {
    margin: 0,
    padding: theme.spacing(1, 0),
    overflowX: 'auto',
    fontFamily: 'monospace',
    fontSize: theme.typography.body2.fontSize,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  line: { display: 'block', padding: theme.spacing(0, 1), whiteSpace: 'pre' },
  added: { backgroundColor: 'rgba(46, 160, 67, 0.18)' },
  removed: { backgroundColor: 'rgba(248, 81, 73, 0.18)' },
  hunk: { color: theme.palette.text.secondary },
  context: {},
}));

/**
 * The files a promotion changes in the GitOps repository, as unified diffs.
 * Added and removed lines keep their `+` and `-`, so the colour is only a hint.
 */
export const ValuesDiff = ({ files }: { files: PromotionFileChange[] }) => {
  const classes = useStyles();
  if (files.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        The promotion changes no file in the GitOps repository.
      </Typography>
    );
  }
  return (
    <>
      {files.map(file => (
        <figure
          key={file.path}
          className={classes.file}
          aria-label={`Changes to ${file.path}`}
        >
          <Typography component="figcaption" variant="body2" gutterBottom>
            <code>{file.path}</code>
            {file.before === undefined && ' (new file)'}
          </Typography>
          {file.diff ? (
            <pre className={classes.diff}>
              {diffLines(file.diff).map((line, index) => (
                <code
                  key={index}
                  className={`${classes.line} ${classes[lineKind(line)]}`}
                >
                  {line}
                </code>
              ))}
            </pre>
          ) : (
            <Typography variant="body2" color="textSecondary">
              No change: the file already says this.
            </Typography>
          )}
        </figure>
      ))}
    </>
  );
};
