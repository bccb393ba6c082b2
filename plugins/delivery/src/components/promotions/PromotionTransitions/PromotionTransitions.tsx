import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../../api';
import { ActorLink } from '../../shared/ActorLink';
import { LoadingState } from '../../shared/LoadingState';
import { promotionStateText } from '../PromotionStateChip';
import { RelativeTime } from '../../shared/RelativeTime';

const useStyles = makeStyles((theme: Theme) => ({
  list: { margin: 0, paddingLeft: theme.spacing(3) },
  item: { marginBottom: theme.spacing(0.5) },
  comment: { fontStyle: 'italic' },
}));

/**
 * Every state change of one promotion, oldest first: who, when and why.
 * Loaded when shown, since the list of promotions does not carry them.
 */
export const PromotionTransitions = ({
  promotionId,
  label,
}: {
  promotionId: string;
  /** What the list is, for assistive technology. */
  label: string;
}) => {
  const classes = useStyles();
  const api = useApi(deliveryApiRef);
  const { value, loading, error } = useAsync(
    () => api.getPromotion(promotionId),
    [api, promotionId],
  );
  if (loading) {
    return <LoadingState message="Loading the promotion’s transitions…" />;
  }
  if (error) {
    return (
      <ResponseErrorPanel
        title="Could not load the promotion’s transitions"
        error={error}
      />
    );
  }
  const transitions = value?.transitions ?? [];
  if (transitions.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No transitions recorded.
      </Typography>
    );
  }
  return (
    <ol className={classes.list} aria-label={label}>
      {transitions.map((transition, index) => (
        <li key={index} className={classes.item}>
          <Typography variant="body2" component="span">
            {transition.from
              ? `${promotionStateText(transition.from)} → `
              : 'Requested: '}
            {promotionStateText(transition.to)}, by{' '}
            <ActorLink actor={transition.actor} />,{' '}
            <RelativeTime value={transition.at} />
            {transition.comment && (
              <>
                {': '}
                <span className={classes.comment}>{transition.comment}</span>
              </>
            )}
          </Typography>
        </li>
      ))}
    </ol>
  );
};
