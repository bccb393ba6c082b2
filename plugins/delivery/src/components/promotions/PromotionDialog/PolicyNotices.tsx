import Alert from '@material-ui/lab/Alert';
import { makeStyles } from '@material-ui/core/styles';
import {
  PromotionViolation,
  PromotionWarning,
} from '@domain-delivery/backstage-plugin-delivery-common';

const useStyles = makeStyles(theme => ({
  notice: { marginBottom: theme.spacing(1) },
  list: { margin: 0, paddingLeft: theme.spacing(2) },
}));

/**
 * Why a request would be refused now, and what the requester should know
 * even though it would not be (e.g. the version was rolled back before).
 */
export const PolicyNotices = ({
  violations,
  warnings,
}: {
  violations: PromotionViolation[];
  warnings: PromotionWarning[];
}) => {
  const classes = useStyles();
  return (
    <>
      {violations.length > 0 && (
        <Alert severity="error" className={classes.notice}>
          It would be refused now:
          <ul className={classes.list}>
            {violations.map(violation => (
              <li key={violation.rule}>{violation.message}</li>
            ))}
          </ul>
        </Alert>
      )}
      {warnings.map(warning => (
        <Alert
          severity="warning"
          className={classes.notice}
          key={`${warning.code}:${warning.message}`}
        >
          {warning.message}
        </Alert>
      ))}
    </>
  );
};
