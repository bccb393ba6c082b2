import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  DELIVERY_SERVICE_ANNOTATION,
  isDeliveryEnabled,
  normalizeEntityRef,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DoraWindowDays } from '../../../dora/doraWindow';
import { DoraSection } from '../../dora/DoraSection';

/**
 * What an app can set on the component's DORA card.
 *
 * @public
 */
export interface EntityDoraCardProps {
  /** The window the card opens with, 30 or 90 days (default 30); the reader can still switch. */
  windowDays?: DoraWindowDays;
}

/** A card for the component overview: the component's DORA metrics, tiers and trend. */
export const EntityDoraCard = ({ windowDays }: EntityDoraCardProps) => {
  const { entity } = useEntity();
  if (!isDeliveryEnabled(entity)) {
    return (
      <InfoCard title="DORA metrics" titleTypographyProps={{ component: 'h2' }}>
        <Typography variant="body2" color="textSecondary">
          Not delivered through Domain Delivery, so there are no deployments to
          measure: add the <code>{DELIVERY_SERVICE_ANNOTATION}</code> annotation
          to connect it.
        </Typography>
      </InfoCard>
    );
  }
  return (
    <DoraSection
      entityRef={normalizeEntityRef(entity)}
      scope={entity.metadata.title ?? entity.metadata.name}
      windowDays={windowDays}
    />
  );
};
