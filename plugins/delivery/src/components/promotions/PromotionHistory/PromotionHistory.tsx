import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Collapse from '@material-ui/core/Collapse';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@material-ui/icons/KeyboardArrowRight';
import { Promotion } from '@domain-delivery/backstage-plugin-delivery-common';
import { Fragment, useState } from 'react';
import { describePromotion } from '../describePromotion';
import { ActorLink } from '../../shared/ActorLink';
import { PromotionStateChip } from '../PromotionStateChip';
import { PromotionTransitions } from '../PromotionTransitions';
import { RelativeTime } from '../../shared/RelativeTime';

const useStyles = makeStyles((theme: Theme) => ({
  version: { fontFamily: 'monospace' },
  details: { padding: theme.spacing(1, 2, 2, 7) },
  collapsedRow: { '& > td': { borderBottom: 'none' } },
}));

const TRIGGER_WORDS: Record<Promotion['trigger'], string> = {
  promotion: '',
  rollback: ' (rollback)',
  hotfix: ' (hotfix)',
};

const HistoryRow = ({ promotion }: { promotion: Promotion }) => {
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const what = describePromotion(promotion);
  const detailsId = `promotion-transitions-${promotion.id}`;
  return (
    <Fragment>
      <TableRow className={classes.collapsedRow}>
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-label={`Transitions of ${what}`}
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen(!open)}
          >
            {open ? <KeyboardArrowDownIcon /> : <KeyboardArrowRightIcon />}
          </IconButton>
        </TableCell>
        <TableCell>
          <EntityRefLink entityRef={promotion.entityRef} hideIcon />
        </TableCell>
        <TableCell>{promotion.environment}</TableCell>
        <TableCell>
          <span className={classes.version}>
            {promotion.fromVersion ? `${promotion.fromVersion} → ` : ''}
            {promotion.version}
          </span>
          {TRIGGER_WORDS[promotion.trigger]}
        </TableCell>
        <TableCell>
          <PromotionStateChip state={promotion.state} />
        </TableCell>
        <TableCell>
          <ActorLink actor={promotion.requestedBy} />
        </TableCell>
        <TableCell>
          <RelativeTime value={promotion.requestedAt} />
        </TableCell>
        <TableCell>{promotion.reason}</TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={8} style={{ padding: 0 }}>
          <Collapse in={open} unmountOnExit>
            <div id={detailsId} className={classes.details}>
              <PromotionTransitions
                promotionId={promotion.id}
                label={`Transitions of ${what}`}
              />
            </div>
          </Collapse>
        </TableCell>
      </TableRow>
    </Fragment>
  );
};

/**
 * Promotions, newest first, with their state; each row opens to show every
 * transition (who, when, why).
 */
export const PromotionHistory = ({
  promotions,
  label,
}: {
  promotions: Promotion[];
  /** What the table is, for assistive technology, e.g. "Promotion history". */
  label: string;
}) => {
  if (promotions.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No promotions yet.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell padding="checkbox" />
          <TableCell>Entity</TableCell>
          <TableCell>Environment</TableCell>
          <TableCell>Version</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Requested by</TableCell>
          <TableCell>Requested</TableCell>
          <TableCell>Reason</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {promotions.map(promotion => (
          <HistoryRow key={promotion.id} promotion={promotion} />
        ))}
      </TableBody>
    </Table>
  );
};
