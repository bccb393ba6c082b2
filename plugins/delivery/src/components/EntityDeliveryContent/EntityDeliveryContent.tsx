import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import {
  environmentsForEntity,
  isDeliveryEnabled,
} from '@internal/backstage-plugin-delivery-common';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../api';
import { DeliveryHowTo } from '../DeliveryHowTo';
import { EnvironmentCard } from '../EnvironmentCard';

/** The component page's delivery tab: one card per environment, in promotion order. */
export const EntityDeliveryContent = () => {
  const { entity } = useEntity();
  const deliveryApi = useApi(deliveryApiRef);
  const enabled = isDeliveryEnabled(entity);
  const { value, loading, error } = useAsync(
    async () => (enabled ? deliveryApi.getEnvironments() : []),
    [deliveryApi, enabled],
  );

  if (!enabled) {
    return <DeliveryHowTo entity={entity} />;
  }
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  const environments = environmentsForEntity(value ?? [], entity);
  if (environments.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No environments"
        description="No delivery environment applies to this component: check delivery.environments in app-config.yaml and the component's domain-delivery.io/environments annotation."
      />
    );
  }
  return (
    <Grid container spacing={3} alignItems="stretch">
      {environments.map(environment => (
        <Grid item xs={12} md={4} key={environment.name}>
          <EnvironmentCard environment={environment} />
        </Grid>
      ))}
    </Grid>
  );
};
