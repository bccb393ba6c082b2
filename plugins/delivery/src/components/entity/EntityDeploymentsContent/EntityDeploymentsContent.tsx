import { Entity } from '@backstage/catalog-model';
import { EmptyState, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import {
  isDeliveryEnabled,
  normalizeEntityRef,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { useCallback, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../../api';
import { DeliveryHowTo } from '../../shared/DeliveryHowTo';
import { DeploymentHistory } from '../../deployments/DeploymentHistory';
import { EnvironmentCard } from '../../deployments/EnvironmentCard';
import { EnvironmentPromotions } from '../../promotions/EnvironmentPromotions';
import { LoadingState } from '../../shared/LoadingState';
import { PromotionChain } from '../../promotions/PromotionChain';
import { useDeliverySignal } from '../../shared/useDeliverySignal';
import { shownEnvironments } from '../../deployments/shownEnvironments';
import { useOpenPromotions } from './useOpenPromotions';

/**
 * What an app can set on the component page's Deployments tab.
 *
 * @public
 */
export interface EntityDeploymentsContentProps {
  /**
   * The names of the environments to show, e.g. `['staging', 'prod']`; every
   * environment that applies to the component when absent or empty.
   */
  environments?: string[];
}

const EntityDeployments = ({
  entity,
  environments: chosen,
}: {
  entity: Entity;
  environments?: string[];
}) => {
  const deliveryApi = useApi(deliveryApiRef);
  const entityRef = normalizeEntityRef(entity);
  const entityRefs = useMemo(() => [entityRef], [entityRef]);
  // Bumped after a promotion was requested or finished here, and when the
  // backend signals a change of this entity elsewhere: everything is read
  // again. Both only grow, so their sum changes whenever one does.
  const [requested, setRequested] = useState(0);
  const refresh = useCallback(() => setRequested(r => r + 1), []);
  // A halt set or lifted anywhere may change what the Promote buttons say.
  const signalled = useDeliverySignal(
    signal =>
      signal.type === 'halt' ||
      signal.entityRef.toLocaleLowerCase('en-US') ===
        entityRef.toLocaleLowerCase('en-US'),
  );
  const revision = requested + signalled;
  const { value, error } = useAsync(async () => {
    const [environments, status] = await Promise.all([
      deliveryApi.getEnvironments(),
      deliveryApi.getEntityEnvironments(entityRef),
    ]);
    return { environments, status };
  }, [deliveryApi, entityRef, revision]);
  const titles = useMemo(
    () =>
      new Map(
        value?.status.items.map(i => [i.environment.name, i.environment.title]),
      ),
    [value],
  );
  const openPromotions = useOpenPromotions({
    entityRef,
    revision,
    titleOf: name => titles.get(name) ?? name,
    onSettled: refresh,
  });

  if (error) {
    return (
      <ResponseErrorPanel
        title={`Could not load where ${entity.metadata.name} runs`}
        error={error}
      />
    );
  }
  if (!value) {
    return (
      <LoadingState message={`Loading where ${entity.metadata.name} runs…`} />
    );
  }

  const all = value.status.items;
  const items = shownEnvironments(all, chosen);
  if (all.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No environments"
        description="No delivery environment applies to this component: check delivery.environments in app-config.yaml and the component's domain-delivery.io/environments annotation."
      />
    );
  }
  if (items.length === 0) {
    const chosenNames = chosen?.join(', ');
    const deliveredTo = all.map(item => item.environment.name).join(', ');
    return (
      <EmptyState
        missing="data"
        title="No environments"
        description={`This tab shows only ${chosenNames}, and none of them applies to this component (it is delivered to ${deliveredTo}).`}
      />
    );
  }
  const policies = new Map(value.environments.map(e => [e.name, e]));
  const neverDeployed = items.every(item => !item.current);
  const columns = Math.max(3, Math.floor(12 / items.length)) as 3 | 4 | 6 | 12;

  return (
    <Grid container spacing={3} alignItems="stretch">
      {!neverDeployed && (
        <Grid item xs={12}>
          <PromotionChain items={items} />
        </Grid>
      )}
      {openPromotions.error && (
        <Grid item xs={12}>
          <ResponseErrorPanel
            title="Could not load the promotions under way"
            error={openPromotions.error}
          />
        </Grid>
      )}
      {items.map(item => {
        const next = item.next && policies.get(item.next.environment);
        // Promoted from its configured source (two production regions are
        // each promoted from staging, though only the first is staging's
        // next), else from the environment whose next it is: the source may
        // be one the entity is not delivered to. A hidden environment still
        // feeds the one promoted from it.
        const promotedFrom = policies.get(item.environment.name)?.promotion
          .promotedFrom;
        const source =
          all.find(other => other.environment.name === promotedFrom) ??
          all.find(other => other.next?.environment === item.environment.name);
        return (
          <Grid item xs={12} md={columns} key={item.environment.name}>
            <EnvironmentCard
              status={item}
              entityRef={entityRef}
              policy={policies.get(item.environment.name)?.promotion}
              nextEnvironment={
                next && {
                  title: next.title,
                  minimumSoakSeconds: next.promotion.minimumSoakSeconds,
                }
              }
              actions={
                <EnvironmentPromotions
                  entityRef={entityRef}
                  status={item}
                  source={source}
                  openPromotions={
                    openPromotions.byEnvironment.get(item.environment.name) ??
                    []
                  }
                  revision={revision}
                  onChanged={refresh}
                />
              }
            />
          </Grid>
        );
      })}
      {neverDeployed && (
        <Grid item xs={12}>
          <DeliveryHowTo entity={entity} missing="events" />
        </Grid>
      )}
      <Grid item xs={12}>
        <DeploymentHistory
          entityRefs={entityRefs}
          environments={items.map(item => item.environment)}
          revision={signalled}
        />
      </Grid>
    </Grid>
  );
};

/**
 * The component page's Deployments tab: one card per environment in promotion
 * order, what waits to be promoted, and the deployment history.
 */
export const EntityDeploymentsContent = ({
  environments,
}: EntityDeploymentsContentProps) => {
  const { entity } = useEntity();
  if (!isDeliveryEnabled(entity)) {
    return <DeliveryHowTo entity={entity} />;
  }
  return <EntityDeployments entity={entity} environments={environments} />;
};
