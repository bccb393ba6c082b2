import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  DELIVERY_SERVICE_ANNOTATION,
  isDeliveryEnabled,
  normalizeEntityRef,
} from '@domain-delivery/backstage-plugin-delivery-common';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../../api';
import { LoadingState } from '../../shared/LoadingState';
import { PromotionChain } from '../../promotions/PromotionChain';
import { shownEnvironments } from '../../deployments/shownEnvironments';

/**
 * What an app can set on the component's delivery summary card.
 *
 * @public
 */
export interface EntityDeliverySummaryCardProps {
  /**
   * The names of the environments to show, e.g. `['staging', 'prod']`; every
   * environment that applies to the component when absent or empty.
   */
  environments?: string[];
}

const Summary = ({
  entityRef,
  environments,
}: {
  entityRef: string;
  environments?: string[];
}) => {
  const deliveryApi = useApi(deliveryApiRef);
  const { value, error } = useAsync(
    () => deliveryApi.getEntityEnvironments(entityRef),
    [deliveryApi, entityRef],
  );
  if (error) {
    return (
      <ResponseErrorPanel title="Could not load where it runs" error={error} />
    );
  }
  if (!value) {
    return <LoadingState message="Loading where it runs…" />;
  }
  const items = shownEnvironments(value.items, environments);
  if (items.every(item => !item.current)) {
    return (
      <Typography variant="body2" color="textSecondary">
        No deployment reported yet; the Deployments tab explains how to report
        them.
      </Typography>
    );
  }
  return <PromotionChain items={items} />;
};

/** A small card for the component overview: the version in each environment, drift marked. */
export const EntityDeliverySummaryCard = ({
  environments,
}: EntityDeliverySummaryCardProps) => {
  const { entity } = useEntity();
  return (
    <InfoCard title="Delivery" titleTypographyProps={{ component: 'h2' }}>
      {isDeliveryEnabled(entity) ? (
        <Summary
          entityRef={normalizeEntityRef(entity)}
          environments={environments}
        />
      ) : (
        <Typography variant="body2" color="textSecondary">
          Not delivered through Domain Delivery: add the{' '}
          <code>{DELIVERY_SERVICE_ANNOTATION}</code> annotation to connect it.
        </Typography>
      )}
    </InfoCard>
  );
};
