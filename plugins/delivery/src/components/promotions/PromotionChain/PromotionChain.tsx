import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ArrowForward from '@material-ui/icons/ArrowForward';
import { EnvironmentStatus } from '@domain-delivery/backstage-plugin-delivery-common';

type Gap = { text: string; drift: boolean };

/** How the environment at `index` compares with the one it is promoted from. */
function gapBefore(items: EnvironmentStatus[], index: number): Gap | undefined {
  const previous = items[index - 1];
  const here = items[index];
  if (!previous?.current) {
    return undefined;
  }
  const behind =
    previous.next?.environment === here.environment.name
      ? previous.next.missing.versions.length
      : 0;
  if (behind > 0) {
    return {
      text: `${behind} version${behind === 1 ? '' : 's'} behind`,
      drift: true,
    };
  }
  if (here.current?.version === previous.current.version) {
    return { text: 'in sync', drift: false };
  }
  return { text: here.current ? 'differs' : 'not deployed', drift: true };
}

const useStyles = makeStyles(theme => ({
  chain: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    listStyle: 'none',
    padding: 0,
    margin: theme.spacing(0, 0, 2),
    gap: theme.spacing(1),
  },
  item: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  environment: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(0.5, 1.5),
  },
  drifted: {
    borderColor: theme.palette.warning.main,
    borderWidth: 2,
  },
  version: { fontFamily: 'monospace', fontWeight: 600 },
  gap: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.palette.success.dark,
  },
  gapDrift: { color: theme.palette.warning.dark, fontWeight: 600 },
}));

/**
 * The versions along the promotion chain in one line, e.g.
 * `dev 1.4.3 → in sync → staging 1.4.3 → 2 versions behind → prod 1.4.1`,
 * so drift shows at a glance.
 */
export const PromotionChain = ({ items }: { items: EnvironmentStatus[] }) => {
  const classes = useStyles();
  return (
    <ol
      className={classes.chain}
      aria-label="Versions along the promotion chain"
    >
      {items.map((item, index) => {
        const gap = gapBefore(items, index);
        return (
          <li key={item.environment.name} className={classes.item}>
            {index > 0 && (
              <Typography
                variant="caption"
                component="span"
                className={`${classes.gap} ${
                  gap?.drift ? classes.gapDrift : ''
                }`}
              >
                <ArrowForward fontSize="small" aria-hidden />
                {gap?.text}
              </Typography>
            )}
            <span
              className={`${classes.environment} ${
                gap?.drift ? classes.drifted : ''
              }`}
            >
              <Typography
                variant="caption"
                component="span"
                color="textSecondary"
              >
                {item.environment.title}{' '}
              </Typography>
              <Typography
                variant="body2"
                component="span"
                className={classes.version}
              >
                {item.current?.version ?? 'nothing yet'}
              </Typography>
            </span>
          </li>
        );
      })}
    </ol>
  );
};
