import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { PromotionPreview } from '@domain-delivery/backstage-plugin-delivery-common';

const useStyles = makeStyles({
  change: { fontFamily: 'monospace', fontWeight: 600 },
});

/** The version change a promotion makes: what runs in the environment now, and what will. */
export const VersionChange = ({
  preview,
  environmentTitle,
}: {
  preview: PromotionPreview;
  environmentTitle: string;
}) => {
  const classes = useStyles();
  const { currentVersion, version, sourceEnvironment, trigger } = preview;
  let origin = '';
  if (trigger === 'rollback') {
    origin = `, rolling back to a version that ran in ${environmentTitle} before`;
  } else if (trigger === 'hotfix') {
    origin = ', as a hotfix';
  } else if (sourceEnvironment) {
    origin = `, promoted from ${sourceEnvironment}`;
  }
  return (
    <>
      <Typography variant="h6" component="p" className={classes.change}>
        {currentVersion ?? 'nothing'} → {version}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {currentVersion
          ? `${environmentTitle} runs ${currentVersion} now`
          : `Nothing runs in ${environmentTitle} yet`}
        ; it will run {version}
        {origin}.
      </Typography>
    </>
  );
};
